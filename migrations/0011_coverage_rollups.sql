CREATE TABLE "coverage_closed_months" (
	"month" text PRIMARY KEY NOT NULL,
	"closed_at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	CONSTRAINT "coverage_closed_months_month_check" CHECK ("coverage_closed_months"."month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$')
);
--> statement-breakpoint
CREATE TABLE "coverage_current" (
	"regency_code" text NOT NULL,
	"dim" text NOT NULL,
	"value" text NOT NULL,
	"measure" text NOT NULL,
	"n" bigint NOT NULL,
	CONSTRAINT "coverage_current_pkey" PRIMARY KEY("dim","regency_code","value","measure"),
	CONSTRAINT "coverage_current_measure_check" CHECK ("coverage_current"."measure" in ('registered', 'terdaftar', 'aktif', 'menunggak', 'nonaktif', 'new', 'lapsed', 'reactivated')),
	CONSTRAINT "coverage_current_dim_check" CHECK ("coverage_current"."dim" in ('all', 'segment', 'category', 'source', 'occupation'))
);
--> statement-breakpoint
CREATE TABLE "coverage_deltas" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "coverage_deltas_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"month" text NOT NULL,
	"regency_code" text NOT NULL,
	"segment" text NOT NULL,
	"category" text NOT NULL,
	"source_kind" text NOT NULL,
	"occupation" text NOT NULL,
	"measure" text NOT NULL,
	"n" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coverage_months" (
	"month" text NOT NULL,
	"regency_code" text NOT NULL,
	"dim" text NOT NULL,
	"value" text NOT NULL,
	"measure" text NOT NULL,
	"n" bigint NOT NULL,
	CONSTRAINT "coverage_months_pkey" PRIMARY KEY("dim","month","regency_code","value","measure"),
	CONSTRAINT "coverage_months_measure_check" CHECK ("coverage_months"."measure" in ('registered', 'terdaftar', 'aktif', 'menunggak', 'nonaktif', 'new', 'lapsed', 'reactivated')),
	CONSTRAINT "coverage_months_dim_check" CHECK ("coverage_months"."dim" in ('all', 'segment', 'category', 'source', 'occupation'))
);
--> statement-breakpoint
CREATE TABLE "coverage_snapshots" (
	"month" text NOT NULL,
	"regency_code" text NOT NULL,
	"dim" text NOT NULL,
	"value" text NOT NULL,
	"measure" text NOT NULL,
	"n" bigint NOT NULL,
	CONSTRAINT "coverage_snapshots_pkey" PRIMARY KEY("month","dim","regency_code","value","measure"),
	CONSTRAINT "coverage_snapshots_measure_check" CHECK ("coverage_snapshots"."measure" in ('registered', 'terdaftar', 'aktif', 'menunggak', 'nonaktif', 'new', 'lapsed', 'reactivated'))
);
--> statement-breakpoint
CREATE TABLE "coverage_targets" (
	"region_code" text NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"value" bigint NOT NULL,
	"source" text NOT NULL,
	"entered_on" date NOT NULL,
	"actor_id" uuid,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "coverage_targets_pkey" PRIMARY KEY("region_code","year"),
	CONSTRAINT "coverage_targets_kind_check" CHECK ("coverage_targets"."kind" in ('pct', 'count')),
	CONSTRAINT "coverage_targets_value_check" CHECK ("coverage_targets"."value" >= 0 and ("coverage_targets"."kind" = 'count' or "coverage_targets"."value" <= 1000000))
);
