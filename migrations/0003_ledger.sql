CREATE TABLE "ledger_accounts" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ledger_accounts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"ref" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_accounts_kind_check" CHECK ("ledger_accounts"."kind" in ('participant_credit', 'receivable', 'payer_receivable', 'channel_in_transit', 'agent_cash', 'bank', 'suspense', 'contribution_income', 'programme_fund', 'fine_income', 'write_off', 'refund_payable', 'partner_fee')),
	CONSTRAINT "ledger_accounts_ref_check" CHECK ("ledger_accounts"."ref" ~ '^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$')
);
--> statement-breakpoint
CREATE TABLE "ledger_entries" (
	"transfer_id" uuid NOT NULL,
	"line" smallint NOT NULL,
	"account_id" bigint NOT NULL,
	"amount_idr" bigint NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"due_id" uuid,
	CONSTRAINT "ledger_entries_pkey" PRIMARY KEY("transfer_id","line"),
	CONSTRAINT "ledger_entries_amount_check" CHECK ("ledger_entries"."amount_idr" <> 0),
	CONSTRAINT "ledger_entries_line_check" CHECK ("ledger_entries"."line" >= 1)
);
--> statement-breakpoint
CREATE TABLE "ledger_transfers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reverses_transfer_id" uuid,
	"reason_code" text,
	"reason" text,
	"payment_id" uuid,
	"invoice_id" uuid,
	"participant_id" uuid,
	"refs" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"request_id" text,
	"content_hash" text NOT NULL,
	CONSTRAINT "ledger_transfers_kind_check" CHECK ("ledger_transfers"."kind" in ('money_received', 'due_raised', 'due_rerated', 'allocation', 'credit_held', 'write_off', 'refund_approved', 'refund_paid', 'channel_reversal', 'channel_settled', 'cash_deposited', 'invoice_raised', 'invoice_paid', 'fine_raised', 'reversal')),
	CONSTRAINT "ledger_transfers_reason_code_check" CHECK ("ledger_transfers"."reason_code" is null or "ledger_transfers"."reason_code" in ('channel_reversal', 'entry_error', 'duplicate', 'rerate', 'refund', 'write_off')),
	CONSTRAINT "ledger_transfers_reversal_check" CHECK (("ledger_transfers"."kind" = 'reversal') = ("ledger_transfers"."reverses_transfer_id" is not null) and ("ledger_transfers"."kind" = 'reversal') = ("ledger_transfers"."reason_code" is not null))
);
--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_transfer_id_ledger_transfers_id_fk" FOREIGN KEY ("transfer_id") REFERENCES "public"."ledger_transfers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_account_id_ledger_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."ledger_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_transfers" ADD CONSTRAINT "ledger_transfers_reverses_fkey" FOREIGN KEY ("reverses_transfer_id") REFERENCES "public"."ledger_transfers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_accounts_kind_ref_key" ON "ledger_accounts" USING btree ("kind","ref");--> statement-breakpoint
CREATE INDEX "ledger_entries_account_time_idx" ON "ledger_entries" USING btree ("account_id","occurred_at");--> statement-breakpoint
CREATE INDEX "ledger_entries_due_idx" ON "ledger_entries" USING btree ("due_id") WHERE "ledger_entries"."due_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_transfers_reverses_key" ON "ledger_transfers" USING btree ("reverses_transfer_id") WHERE "ledger_transfers"."reverses_transfer_id" is not null;--> statement-breakpoint
CREATE INDEX "ledger_transfers_payment_idx" ON "ledger_transfers" USING btree ("payment_id") WHERE "ledger_transfers"."payment_id" is not null;--> statement-breakpoint
CREATE INDEX "ledger_transfers_invoice_idx" ON "ledger_transfers" USING btree ("invoice_id") WHERE "ledger_transfers"."invoice_id" is not null;--> statement-breakpoint
CREATE INDEX "ledger_transfers_participant_idx" ON "ledger_transfers" USING btree ("participant_id","occurred_at") WHERE "ledger_transfers"."participant_id" is not null;