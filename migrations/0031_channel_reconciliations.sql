CREATE TABLE "channel_reconciliations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"partner_id" uuid NOT NULL,
	"wib_date" date NOT NULL,
	"file_sha256" text NOT NULL,
	"rows" integer NOT NULL,
	"matched" integer NOT NULL,
	"differences" jsonb NOT NULL,
	"actor_id" uuid,
	"reconciled_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "channel_reconciliations_day_idx" ON "channel_reconciliations" USING btree ("partner_id","wib_date","reconciled_at");