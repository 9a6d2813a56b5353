CREATE TABLE "billing_runs" (
	"month" text PRIMARY KEY NOT NULL,
	"status" text NOT NULL,
	"cursor" uuid,
	"chunks" integer DEFAULT 0 NOT NULL,
	"enrolments" bigint DEFAULT 0 NOT NULL,
	"dues" bigint DEFAULT 0 NOT NULL,
	"billed_idr" bigint DEFAULT 0 NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "billing_runs_status_check" CHECK ("billing_runs"."status" in ('running', 'done'))
);
--> statement-breakpoint
CREATE TABLE "contribution_states" (
	"participant_id" uuid PRIMARY KEY NOT NULL,
	"status" text NOT NULL,
	"status_since" date NOT NULL,
	"paid_through" text,
	"arrears_idr" bigint NOT NULL,
	"next_change_on" date,
	"next_status" text,
	"evaluated_on" date NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "contribution_states_status_check" CHECK ("contribution_states"."status" in ('terdaftar', 'aktif', 'menunggak', 'nonaktif', 'berhenti'))
);
--> statement-breakpoint
CREATE TABLE "contribution_tariffs" (
	"month" text NOT NULL,
	"segment" text NOT NULL,
	"income_base_idr" bigint NOT NULL,
	"sector" text NOT NULL,
	"payer" text NOT NULL,
	"programme" text NOT NULL,
	"level" integer NOT NULL,
	"from_idr" bigint NOT NULL,
	"to_idr" bigint,
	"factorppm" integer NOT NULL,
	"amount_idr" bigint NOT NULL,
	"due_date" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contribution_tariffs_pkey" PRIMARY KEY("month","segment","income_base_idr","sector","payer","programme"),
	CONSTRAINT "contribution_tariffs_amount_check" CHECK ("contribution_tariffs"."amount_idr" >= 0)
);
--> statement-breakpoint
CREATE TABLE "dues" (
	"id" uuid PRIMARY KEY NOT NULL,
	"participant_id" uuid NOT NULL,
	"enrolment_id" uuid NOT NULL,
	"month" text NOT NULL,
	"programme" text NOT NULL,
	"payer" text NOT NULL,
	"payer_ref" text,
	"amount_idr" bigint NOT NULL,
	"due_date" date NOT NULL,
	"period_to" date,
	"origin" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "dues_amount_check" CHECK ("dues"."amount_idr" >= 0),
	CONSTRAINT "dues_month_check" CHECK ("dues"."month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "dues_payer_check" CHECK ("dues"."payer" in ('self', 'employer', 'pemda', 'apbn', 'sponsor')),
	CONSTRAINT "dues_origin_check" CHECK ("dues"."origin" in ('billing', 'payment'))
);
--> statement-breakpoint
CREATE TABLE "payment_allocations" (
	"participant_id" uuid NOT NULL,
	"payment_id" uuid NOT NULL,
	"due_id" uuid NOT NULL,
	"amount_idr" bigint NOT NULL,
	CONSTRAINT "payment_allocations_pkey" PRIMARY KEY("payment_id","due_id"),
	CONSTRAINT "payment_allocations_amount_check" CHECK ("payment_allocations"."amount_idr" >= 0)
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"participant_id" uuid NOT NULL,
	"amount_idr" bigint NOT NULL,
	"paid_on" date NOT NULL,
	"channel" text NOT NULL,
	"source_id" uuid,
	"via" text NOT NULL,
	"credit_used_idr" bigint NOT NULL,
	"credit_after_idr" bigint NOT NULL,
	"receipt_no" text NOT NULL,
	"client_id" text NOT NULL,
	"client_key" text NOT NULL,
	"request_id" text,
	"actor_id" uuid,
	"received_at" timestamp with time zone NOT NULL,
	CONSTRAINT "payments_amount_check" CHECK ("payments"."amount_idr" > 0)
);
--> statement-breakpoint
CREATE TABLE "receipts" (
	"receipt_no" text PRIMARY KEY NOT NULL,
	"payment_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"serial" bigint NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	CONSTRAINT "receipts_no_check" CHECK ("receipts"."receipt_no" ~ '^BB-[0-9]{4}-[0-9]{6,}$')
);
--> statement-breakpoint
ALTER TABLE "payment_allocations" ADD CONSTRAINT "payment_allocations_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_allocations" ADD CONSTRAINT "payment_allocations_due_id_dues_id_fk" FOREIGN KEY ("due_id") REFERENCES "public"."dues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "receipts" ADD CONSTRAINT "receipts_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contribution_states_next_change_idx" ON "contribution_states" USING btree ("next_change_on") WHERE "contribution_states"."next_change_on" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "dues_participant_key" ON "dues" USING btree ("participant_id","month","enrolment_id","programme","payer");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_allocations_due_key" ON "payment_allocations" USING btree ("due_id");--> statement-breakpoint
CREATE INDEX "payment_allocations_participant_idx" ON "payment_allocations" USING btree ("participant_id");--> statement-breakpoint
CREATE INDEX "payments_participant_idx" ON "payments" USING btree ("participant_id","paid_on");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_client_key" ON "payments" USING btree ("client_id","client_key");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_receipt_key" ON "payments" USING btree ("receipt_no");--> statement-breakpoint
CREATE UNIQUE INDEX "receipts_payment_key" ON "receipts" USING btree ("payment_id");