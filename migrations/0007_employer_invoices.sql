CREATE TABLE "employer_invoice_lines" (
	"id" uuid PRIMARY KEY NOT NULL,
	"invoice_id" uuid NOT NULL,
	"line_no" integer NOT NULL,
	"participant_id" uuid NOT NULL,
	"programme" text NOT NULL,
	"payer" text NOT NULL,
	"wage_idr" bigint NOT NULL,
	"base_idr" bigint NOT NULL,
	"rateppm" integer NOT NULL,
	"amount_idr" bigint NOT NULL,
	CONSTRAINT "employer_invoice_lines_programme_check" CHECK ("employer_invoice_lines"."programme" in ('jkk', 'jkm', 'jht', 'jp')),
	CONSTRAINT "employer_invoice_lines_payer_check" CHECK ("employer_invoice_lines"."payer" in ('employer', 'worker')),
	CONSTRAINT "employer_invoice_lines_amount_check" CHECK ("employer_invoice_lines"."amount_idr" > 0)
);
--> statement-breakpoint
CREATE TABLE "employer_invoice_payments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"invoice_id" uuid NOT NULL,
	"client_key" text NOT NULL,
	"paid_on" date NOT NULL,
	"amount_idr" bigint NOT NULL,
	"fine_idr" bigint NOT NULL,
	"total_idr" bigint NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "employer_invoice_payments_total_check" CHECK ("employer_invoice_payments"."total_idr" = "employer_invoice_payments"."amount_idr" + "employer_invoice_payments"."fine_idr" and "employer_invoice_payments"."fine_idr" >= 0)
);
--> statement-breakpoint
CREATE TABLE "employer_invoices" (
	"id" uuid PRIMARY KEY NOT NULL,
	"invoice_no" text NOT NULL,
	"employer_id" uuid NOT NULL,
	"month" text NOT NULL,
	"due_date" date NOT NULL,
	"workers" integer NOT NULL,
	"amount_idr" bigint NOT NULL,
	"transfer_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "employer_invoices_month_check" CHECK ("employer_invoices"."month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "employer_invoices_amount_check" CHECK ("employer_invoices"."amount_idr" >= 0 and "employer_invoices"."workers" >= 0)
);
--> statement-breakpoint
ALTER TABLE "employer_invoice_lines" ADD CONSTRAINT "employer_invoice_lines_invoice_id_employer_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."employer_invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employer_invoice_payments" ADD CONSTRAINT "employer_invoice_payments_invoice_id_employer_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."employer_invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employer_invoices" ADD CONSTRAINT "employer_invoices_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "employer_invoice_lines_no_key" ON "employer_invoice_lines" USING btree ("invoice_id","line_no");--> statement-breakpoint
CREATE INDEX "employer_invoice_lines_participant_idx" ON "employer_invoice_lines" USING btree ("participant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "employer_invoice_payments_invoice_key" ON "employer_invoice_payments" USING btree ("invoice_id");--> statement-breakpoint
CREATE UNIQUE INDEX "employer_invoices_no_key" ON "employer_invoices" USING btree ("invoice_no");--> statement-breakpoint
CREATE UNIQUE INDEX "employer_invoices_month_key" ON "employer_invoices" USING btree ("employer_id","month");--> statement-breakpoint
CREATE INDEX "employer_invoices_due_idx" ON "employer_invoices" USING btree ("employer_id","due_date");