CREATE TABLE "pemda_groups" (
	"programme_id" uuid NOT NULL,
	"code" text NOT NULL,
	"quota" integer NOT NULL,
	"category" text NOT NULL,
	"income_idr" bigint NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "pemda_groups_pkey" PRIMARY KEY("programme_id","code"),
	CONSTRAINT "pemda_groups_category_check" CHECK ("pemda_groups"."category" in ('bpu', 'non_asn')),
	CONSTRAINT "pemda_groups_quota_check" CHECK ("pemda_groups"."quota" >= 0)
);
--> statement-breakpoint
CREATE TABLE "pemda_invoice_items" (
	"programme_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"month" text NOT NULL,
	"invoice_id" uuid NOT NULL,
	"group_code" text NOT NULL,
	"amount_idr" bigint NOT NULL,
	"transfer_id" uuid NOT NULL,
	CONSTRAINT "pemda_invoice_items_pkey" PRIMARY KEY("programme_id","participant_id","month")
);
--> statement-breakpoint
CREATE TABLE "pemda_invoice_lines" (
	"invoice_id" uuid NOT NULL,
	"group_code" text NOT NULL,
	"position" integer NOT NULL,
	"workers" integer NOT NULL,
	"member_months" integer NOT NULL,
	"amount_idr" bigint NOT NULL,
	CONSTRAINT "pemda_invoice_lines_pkey" PRIMARY KEY("invoice_id","group_code")
);
--> statement-breakpoint
CREATE TABLE "pemda_invoice_payments" (
	"invoice_id" uuid PRIMARY KEY NOT NULL,
	"client_key" text NOT NULL,
	"paid_on" date NOT NULL,
	"amount_idr" bigint NOT NULL,
	"revision" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pemda_invoice_revisions" (
	"invoice_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"workers" integer NOT NULL,
	"amount_idr" bigint NOT NULL,
	"lines" jsonb NOT NULL,
	"replaced_at" timestamp with time zone NOT NULL,
	CONSTRAINT "pemda_invoice_revisions_pkey" PRIMARY KEY("invoice_id","revision")
);
--> statement-breakpoint
CREATE TABLE "pemda_invoices" (
	"id" uuid PRIMARY KEY NOT NULL,
	"programme_id" uuid NOT NULL,
	"month" text NOT NULL,
	"invoice_no" text NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"workers" integer NOT NULL,
	"member_months" integer NOT NULL,
	"amount_idr" bigint NOT NULL,
	"due_date" date NOT NULL,
	"raised_transfer_ids" uuid[] NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "pemda_invoices_month_check" CHECK ("pemda_invoices"."month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "pemda_invoices_amount_check" CHECK ("pemda_invoices"."amount_idr" >= 0 and "pemda_invoices"."workers" >= 0)
);
--> statement-breakpoint
CREATE TABLE "pemda_members" (
	"programme_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"group_code" text NOT NULL,
	"enrolment_id" uuid NOT NULL,
	"first_month" text NOT NULL,
	"end_month" text,
	"end_choice" text,
	"import_job_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "pemda_members_pkey" PRIMARY KEY("programme_id","participant_id"),
	CONSTRAINT "pemda_members_end_choice_check" CHECK ("pemda_members"."end_choice" is null or "pemda_members"."end_choice" in ('berhenti', 'self'))
);
--> statement-breakpoint
CREATE TABLE "pemda_programmes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"region_code" text NOT NULL,
	"opd" text,
	"legal_basis" text,
	"year" integer NOT NULL,
	"budget_idr" bigint NOT NULL,
	"programmes" text[] NOT NULL,
	"income_idr" bigint NOT NULL,
	"start_month" text NOT NULL,
	"end_month" text NOT NULL,
	"source_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "pemda_programmes_months_check" CHECK ("pemda_programmes"."start_month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$' and "pemda_programmes"."end_month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$' and "pemda_programmes"."start_month" <= "pemda_programmes"."end_month"),
	CONSTRAINT "pemda_programmes_money_check" CHECK ("pemda_programmes"."budget_idr" >= 0 and "pemda_programmes"."income_idr" > 0)
);
--> statement-breakpoint
ALTER TABLE "pemda_groups" ADD CONSTRAINT "pemda_groups_programme_id_pemda_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."pemda_programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pemda_invoice_items" ADD CONSTRAINT "pemda_invoice_items_invoice_id_pemda_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."pemda_invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pemda_invoice_lines" ADD CONSTRAINT "pemda_invoice_lines_invoice_id_pemda_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."pemda_invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pemda_invoice_payments" ADD CONSTRAINT "pemda_invoice_payments_invoice_id_pemda_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."pemda_invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pemda_invoice_revisions" ADD CONSTRAINT "pemda_invoice_revisions_invoice_id_pemda_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."pemda_invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pemda_invoices" ADD CONSTRAINT "pemda_invoices_programme_id_pemda_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."pemda_programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pemda_members" ADD CONSTRAINT "pemda_members_programme_id_pemda_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."pemda_programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pemda_invoice_items_invoice_idx" ON "pemda_invoice_items" USING btree ("invoice_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pemda_invoices_no_key" ON "pemda_invoices" USING btree ("invoice_no");--> statement-breakpoint
CREATE UNIQUE INDEX "pemda_invoices_month_key" ON "pemda_invoices" USING btree ("programme_id","month");--> statement-breakpoint
CREATE INDEX "pemda_members_group_idx" ON "pemda_members" USING btree ("programme_id","group_code");--> statement-breakpoint
CREATE INDEX "pemda_members_participant_idx" ON "pemda_members" USING btree ("participant_id");--> statement-breakpoint
CREATE INDEX "pemda_programmes_region_idx" ON "pemda_programmes" USING btree ("region_code","year");