CREATE SEQUENCE "public"."agent_code_serial" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "agent_collections" (
	"agent_id" uuid NOT NULL,
	"payment_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"collected_on" date NOT NULL,
	"amount_idr" bigint NOT NULL,
	"client_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "agent_collections_amount_check" CHECK ("agent_collections"."amount_idr" > 0)
);
--> statement-breakpoint
CREATE TABLE "agent_deposits" (
	"id" uuid PRIMARY KEY NOT NULL,
	"agent_id" uuid NOT NULL,
	"amount_idr" bigint NOT NULL,
	"deposited_on" date NOT NULL,
	"deposited_to" text NOT NULL,
	"reference" text NOT NULL,
	"transfer_id" uuid NOT NULL,
	"actor_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "agent_deposits_amount_check" CHECK ("agent_deposits"."amount_idr" > 0),
	CONSTRAINT "agent_deposits_to_check" CHECK ("agent_deposits"."deposited_to" in ('bank', 'cabang'))
);
--> statement-breakpoint
CREATE TABLE "agents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"wadah" text,
	"branch_code" text,
	"region_codes" text[] NOT NULL,
	"source_id" uuid NOT NULL,
	"user_id" uuid,
	"terminated_on" date,
	"target_registrations" integer,
	"target_collections_idr" bigint,
	"joined_on" date NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agent_collections" ADD CONSTRAINT "agent_collections_agent_id_agents_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."agents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agent_deposits" ADD CONSTRAINT "agent_deposits_agent_id_agents_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."agents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "agent_collections_payment_key" ON "agent_collections" USING btree ("payment_id");--> statement-breakpoint
CREATE INDEX "agent_collections_agent_idx" ON "agent_collections" USING btree ("agent_id","collected_on");--> statement-breakpoint
CREATE INDEX "agent_deposits_agent_idx" ON "agent_deposits" USING btree ("agent_id","deposited_on");--> statement-breakpoint
CREATE UNIQUE INDEX "agents_code_key" ON "agents" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "agents_source_key" ON "agents" USING btree ("source_id");--> statement-breakpoint
CREATE UNIQUE INDEX "agents_user_key" ON "agents" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "agents_branch_idx" ON "agents" USING btree ("branch_code");