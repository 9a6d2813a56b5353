CREATE SEQUENCE "public"."channel_partner_serial" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 10001 CACHE 1;--> statement-breakpoint
CREATE TABLE "channel_access_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"partner_id" uuid NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "channel_external_ids" (
	"partner_id" uuid NOT NULL,
	"wib_date" date NOT NULL,
	"external_id" text NOT NULL,
	"service" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "channel_external_ids_pkey" PRIMARY KEY("partner_id","wib_date","external_id")
);
--> statement-breakpoint
CREATE TABLE "channel_partners" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"code" text NOT NULL,
	"partner_service_id" text NOT NULL,
	"client_key" text NOT NULL,
	"secret_sealed" text NOT NULL,
	"public_key_pem" text NOT NULL,
	"signature_encoding" text NOT NULL,
	"fee_idr" bigint NOT NULL,
	"source_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "channel_partners_code_check" CHECK ("channel_partners"."code" in ('POS', 'BRILINK', 'BNI46', 'INDOMARET', 'ALFAMART', 'BANK')),
	CONSTRAINT "channel_partners_encoding_check" CHECK ("channel_partners"."signature_encoding" in ('base64', 'hex')),
	CONSTRAINT "channel_partners_fee_check" CHECK ("channel_partners"."fee_idr" >= 0)
);
--> statement-breakpoint
CREATE TABLE "channel_transactions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"partner_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"reference" text NOT NULL,
	"external_id" text NOT NULL,
	"channel_id" text,
	"partner_reference_no" text,
	"customer_no" text NOT NULL,
	"participant_id" uuid NOT NULL,
	"payment_id" uuid NOT NULL,
	"receipt_no" text NOT NULL,
	"amount_idr" bigint NOT NULL,
	"fee_idr" bigint NOT NULL,
	"months" text[] NOT NULL,
	"month_amounts_idr" bigint[] NOT NULL,
	"paid_bills" text,
	"wib_date" date NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"reversed_by" uuid,
	"reversal_of" uuid,
	CONSTRAINT "channel_transactions_kind_check" CHECK ("channel_transactions"."kind" in ('payment', 'reversal')),
	CONSTRAINT "channel_transactions_fee_check" CHECK ("channel_transactions"."fee_idr" >= 0)
);
--> statement-breakpoint
CREATE INDEX "channel_access_tokens_expiry_idx" ON "channel_access_tokens" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "channel_partners_service_id_key" ON "channel_partners" USING btree ("partner_service_id");--> statement-breakpoint
CREATE UNIQUE INDEX "channel_partners_client_key_key" ON "channel_partners" USING btree ("client_key");--> statement-breakpoint
CREATE UNIQUE INDEX "channel_transactions_reference_key" ON "channel_transactions" USING btree ("partner_id","kind","reference");--> statement-breakpoint
CREATE INDEX "channel_transactions_day_idx" ON "channel_transactions" USING btree ("partner_id","wib_date");