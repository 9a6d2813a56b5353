CREATE TABLE "notification_opt_outs" (
	"participant_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "notification_opt_outs_pkey" PRIMARY KEY("participant_id","channel"),
	CONSTRAINT "notification_opt_outs_channel_check" CHECK ("notification_opt_outs"."channel" in ('whatsapp', 'sms', 'all'))
);
--> statement-breakpoint
CREATE TABLE "notification_outbox" (
	"id" uuid PRIMARY KEY NOT NULL,
	"rule" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"event_key" text NOT NULL,
	"channel" text NOT NULL,
	"lang" text NOT NULL,
	"params" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "notification_outbox_status_check" CHECK ("notification_outbox"."status" in ('pending', 'sent', 'failed', 'skipped')),
	CONSTRAINT "notification_outbox_channel_check" CHECK ("notification_outbox"."channel" in ('whatsapp', 'sms')),
	CONSTRAINT "notification_outbox_lang_check" CHECK ("notification_outbox"."lang" in ('id', 'en'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "notification_outbox_event_key" ON "notification_outbox" USING btree ("rule","subject_id","event_key");--> statement-breakpoint
CREATE INDEX "notification_outbox_pending_idx" ON "notification_outbox" USING btree ("created_at") WHERE "notification_outbox"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "notification_outbox_subject_idx" ON "notification_outbox" USING btree ("subject_id","created_at");--> statement-breakpoint
CREATE INDEX "payments_received_idx" ON "payments" USING btree ("received_at");