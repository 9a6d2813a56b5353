CREATE TABLE "protection_periods" (
	"participant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"enrolment_id" uuid NOT NULL,
	"segment" text NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date NOT NULL,
	"via" text,
	"contract_months" integer,
	"extra_months" integer,
	"contract_value_idr" bigint,
	"project" text,
	"amount_idr" bigint NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "protection_periods_pkey" PRIMARY KEY("participant_id","id"),
	CONSTRAINT "protection_periods_segment_check" CHECK ("protection_periods"."segment" in ('pmi', 'jakon')),
	CONSTRAINT "protection_periods_dates_check" CHECK ("protection_periods"."from_date" <= "protection_periods"."to_date"),
	CONSTRAINT "protection_periods_amount_check" CHECK ("protection_periods"."amount_idr" >= 0)
);
