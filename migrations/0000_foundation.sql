CREATE TABLE "api_tokens" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"actor_role" text,
	"action" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" text,
	"request_id" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "branch_office_regencies" (
	"regency_code" text PRIMARY KEY NOT NULL,
	"branch_code" text NOT NULL,
	"mapping_status" text NOT NULL,
	"source" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	CONSTRAINT "branch_office_regencies_status_check" CHECK ("branch_office_regencies"."mapping_status" in ('reported', 'best_guess'))
);
--> statement-breakpoint
CREATE TABLE "branch_offices" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"city" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"role" text NOT NULL,
	"branch_code" text,
	"region_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"source_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"password_hash" text,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"last_login_at" timestamp with time zone,
	CONSTRAINT "users_role_check" CHECK ("users"."role" in ('admin', 'kanwil', 'cabang', 'agent', 'pemda', 'channel', 'viewer')),
	CONSTRAINT "users_status_check" CHECK ("users"."status" in ('active', 'disabled')),
	CONSTRAINT "users_cabang_branch_check" CHECK ("users"."role" <> 'cabang' or "users"."branch_code" is not null)
);
--> statement-breakpoint
CREATE TABLE "holidays" (
	"date" date NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"year" integer NOT NULL,
	"source" text NOT NULL,
	CONSTRAINT "holidays_date_name_pk" PRIMARY KEY("date","name"),
	CONSTRAINT "holidays_kind_check" CHECK ("holidays"."kind" in ('national', 'cuti_bersama'))
);
--> statement-breakpoint
CREATE TABLE "kecamatan" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"regency_code" text NOT NULL,
	"province_code" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "nik_prefixes" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"level" text NOT NULL,
	"province_code" text NOT NULL,
	"status" text NOT NULL,
	"successor_code" text,
	"source" text NOT NULL,
	CONSTRAINT "nik_prefixes_level_check" CHECK ("nik_prefixes"."level" in ('province', 'regency')),
	CONSTRAINT "nik_prefixes_status_check" CHECK ("nik_prefixes"."status" in ('current', 'historical')),
	CONSTRAINT "nik_prefixes_successor_check" CHECK ("nik_prefixes"."status" = 'current' or "nik_prefixes"."successor_code" is not null)
);
--> statement-breakpoint
CREATE TABLE "regions" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"short_name" text NOT NULL,
	"level" text NOT NULL,
	"kind" text NOT NULL,
	"parent_code" text,
	"code_before_2022_split" text,
	"area_km2" double precision,
	"time_zone" text NOT NULL,
	CONSTRAINT "regions_level_check" CHECK ("regions"."level" in ('province', 'regency')),
	CONSTRAINT "regions_kind_check" CHECK ("regions"."kind" in ('provinsi', 'kabupaten', 'kota')),
	CONSTRAINT "regions_time_zone_check" CHECK ("regions"."time_zone" in ('WIB', 'WITA', 'WIT'))
);
--> statement-breakpoint
CREATE TABLE "workforce_figures" (
	"region_code" text NOT NULL,
	"region_level" text NOT NULL,
	"period" text NOT NULL,
	"metric" text NOT NULL,
	"value" bigint,
	"unit" text NOT NULL,
	"status" text NOT NULL,
	"source" text NOT NULL,
	"source_url" text,
	"note" text DEFAULT '' NOT NULL,
	CONSTRAINT "workforce_figures_region_code_period_metric_pk" PRIMARY KEY("region_code","period","metric"),
	CONSTRAINT "workforce_figures_status_check" CHECK ("workforce_figures"."status" in ('reported', 'derived', 'not_found')),
	CONSTRAINT "workforce_figures_unit_check" CHECK ("workforce_figures"."unit" in ('persons', 'ppm')),
	CONSTRAINT "workforce_figures_value_check" CHECK (("workforce_figures"."status" = 'not_found') = ("workforce_figures"."value" is null)),
	CONSTRAINT "workforce_figures_period_check" CHECK ("workforce_figures"."period" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$')
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"client_id" text NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"status" text NOT NULL,
	"response_status" integer,
	"response_body" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_pkey" PRIMARY KEY("client_id","key")
);
--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "branch_office_regencies" ADD CONSTRAINT "branch_office_regencies_branch_code_branch_offices_code_fk" FOREIGN KEY ("branch_code") REFERENCES "public"."branch_offices"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_branch_code_branch_offices_code_fk" FOREIGN KEY ("branch_code") REFERENCES "public"."branch_offices"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kecamatan" ADD CONSTRAINT "kecamatan_regency_code_regions_code_fk" FOREIGN KEY ("regency_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kecamatan" ADD CONSTRAINT "kecamatan_province_code_regions_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regions" ADD CONSTRAINT "regions_parent_code_regions_code_fk" FOREIGN KEY ("parent_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "api_tokens_token_hash_key" ON "api_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "api_tokens_user_name_key" ON "api_tokens" USING btree ("user_id","name") WHERE "api_tokens"."revoked_at" is null;--> statement-breakpoint
CREATE INDEX "audit_events_occurred_idx" ON "audit_events" USING btree ("occurred_at","id");--> statement-breakpoint
CREATE INDEX "audit_events_actor_idx" ON "audit_events" USING btree ("actor_id","occurred_at");--> statement-breakpoint
CREATE INDEX "audit_events_action_idx" ON "audit_events" USING btree ("action","occurred_at");--> statement-breakpoint
CREATE INDEX "audit_events_subject_idx" ON "audit_events" USING btree ("subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "branch_office_regencies_branch_idx" ON "branch_office_regencies" USING btree ("branch_code");--> statement-breakpoint
CREATE UNIQUE INDEX "sessions_token_hash_key" ON "sessions" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_username_key" ON "users" USING btree ("username");--> statement-breakpoint
CREATE INDEX "holidays_year_idx" ON "holidays" USING btree ("year");--> statement-breakpoint
CREATE INDEX "kecamatan_regency_idx" ON "kecamatan" USING btree ("regency_code");--> statement-breakpoint
CREATE INDEX "regions_parent_idx" ON "regions" USING btree ("parent_code");