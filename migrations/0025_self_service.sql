CREATE TABLE "worker_sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"participant_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "worker_sign_in_codes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"participant_id" uuid,
	"identifier_hash" text NOT NULL,
	"code_hash" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "worker_sign_in_codes_attempts_check" CHECK ("worker_sign_in_codes"."attempts" >= 0)
);
--> statement-breakpoint
CREATE INDEX "worker_sessions_expires_idx" ON "worker_sessions" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "worker_sign_in_codes_identifier_idx" ON "worker_sign_in_codes" USING btree ("identifier_hash","created_at");