CREATE TABLE "channel_registrations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"partner_id" uuid NOT NULL,
	"partner_reference_no" text NOT NULL,
	"external_id" text NOT NULL,
	"outcome" text NOT NULL,
	"participant_id" uuid,
	"kpj" text,
	"wib_date" date NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	CONSTRAINT "channel_registrations_outcome_check" CHECK ("channel_registrations"."outcome" in ('registered', 'already_registered', 'identity_conflict'))
);
--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "reversed_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "channel_registrations_reference_key" ON "channel_registrations" USING btree ("partner_id","partner_reference_no");--> statement-breakpoint
CREATE INDEX "channel_registrations_day_idx" ON "channel_registrations" USING btree ("partner_id","wib_date");--> statement-breakpoint
UPDATE "payments" p SET "reversed_at" = r."occurred_at" FROM "channel_transactions" t JOIN "channel_transactions" r ON r."id" = t."reversed_by" WHERE t."kind" = 'payment' AND t."payment_id" = p."id";
