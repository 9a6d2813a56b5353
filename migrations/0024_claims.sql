CREATE TABLE "claim_scholarships" (
	"claim_id" uuid NOT NULL,
	"child" integer NOT NULL,
	"school_year" text NOT NULL,
	"level" text NOT NULL,
	"amount_idr" bigint NOT NULL,
	"status" text NOT NULL,
	"paid_on" date,
	CONSTRAINT "claim_scholarships_pkey" PRIMARY KEY("claim_id","child","school_year"),
	CONSTRAINT "claim_scholarships_status_check" CHECK ("claim_scholarships"."status" in ('scheduled', 'paid')),
	CONSTRAINT "claim_scholarships_year_check" CHECK ("claim_scholarships"."school_year" ~ '^[0-9]{4}/[0-9]{4}$')
);
--> statement-breakpoint
CREATE TABLE "claim_steps" (
	"id" uuid PRIMARY KEY NOT NULL,
	"claim_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"reason" text,
	"actor_id" uuid,
	"request_id" text,
	"occurred_on" date NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "claims" (
	"id" uuid PRIMARY KEY NOT NULL,
	"participant_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"kind" text NOT NULL,
	"programme" text NOT NULL,
	"event_date" date NOT NULL,
	"filed_on" date NOT NULL,
	"claimant_name" text NOT NULL,
	"claimant_nik" text,
	"claimant_relation" text NOT NULL,
	"details" jsonb NOT NULL,
	"documents" jsonb NOT NULL,
	"eligibility" jsonb NOT NULL,
	"decision" text NOT NULL,
	"pay_now_idr" bigint NOT NULL,
	"after_arrears_idr" bigint NOT NULL,
	"service_level_days" integer,
	"status" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"rejection_reason" text,
	"paid_on" date,
	"paid_idr" bigint,
	"withheld_idr" bigint,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "claims_status_check" CHECK ("claims"."status" in ('submitted', 'verified', 'approved', 'paid', 'rejected')),
	CONSTRAINT "claims_kind_check" CHECK ("claims"."kind" in ('jkm', 'jkk_medical', 'jkk_stmb', 'jkk_disability', 'jkk_death', 'beasiswa', 'jkp', 'jht')),
	CONSTRAINT "claims_money_check" CHECK ("claims"."pay_now_idr" >= 0 and "claims"."after_arrears_idr" >= 0 and coalesce("claims"."paid_idr", 0) >= 0),
	CONSTRAINT "claims_paid_check" CHECK (("claims"."status" = 'paid') = ("claims"."paid_on" is not null))
);
--> statement-breakpoint
ALTER TABLE "claim_scholarships" ADD CONSTRAINT "claim_scholarships_claim_id_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."claims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_steps" ADD CONSTRAINT "claim_steps_claim_id_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."claims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "claim_steps_claim_idx" ON "claim_steps" USING btree ("claim_id","occurred_at");--> statement-breakpoint
CREATE INDEX "claims_participant_idx" ON "claims" USING btree ("participant_id");--> statement-breakpoint
CREATE INDEX "claims_region_status_idx" ON "claims" USING btree ("region_code","status");--> statement-breakpoint
CREATE INDEX "claims_filed_idx" ON "claims" USING btree ("filed_on");