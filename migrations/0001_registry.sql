CREATE SEQUENCE "public"."kpj_serial_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9999999999 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "enrolments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"participant_id" uuid NOT NULL,
	"segment" text NOT NULL,
	"programmes" text[] NOT NULL,
	"declared_income_idr" bigint,
	"income_base_idr" bigint,
	"wage_idr" bigint,
	"employer_id" uuid,
	"sector" text,
	"payer" text NOT NULL,
	"payer_ref" text,
	"source_id" uuid NOT NULL,
	"start_month" text,
	"end_month" text,
	"status" text DEFAULT 'active' NOT NULL,
	"end_reason" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "enrolments_segment_check" CHECK ("enrolments"."segment" in ('bpu', 'pu', 'pmi', 'non_asn', 'pemilu', 'jakon')),
	CONSTRAINT "enrolments_payer_check" CHECK ("enrolments"."payer" in ('self', 'employer', 'pemda', 'apbn', 'sponsor')),
	CONSTRAINT "enrolments_status_check" CHECK ("enrolments"."status" in ('active', 'ended')),
	CONSTRAINT "enrolments_sector_check" CHECK ("enrolments"."sector" is null or "enrolments"."sector" in ('transport', 'other'))
);
--> statement-breakpoint
CREATE TABLE "identity_reviews" (
	"id" uuid PRIMARY KEY NOT NULL,
	"participant_id" uuid NOT NULL,
	"claimed_name" text NOT NULL,
	"claimed_birth_date" date,
	"reason" text NOT NULL,
	"source_id" uuid,
	"request_id" text,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone,
	CONSTRAINT "identity_reviews_status_check" CHECK ("identity_reviews"."status" in ('open', 'resolved', 'rejected'))
);
--> statement-breakpoint
CREATE TABLE "import_job_issues" (
	"job_id" uuid NOT NULL,
	"severity" text NOT NULL,
	"row" integer NOT NULL,
	"field" text NOT NULL,
	"code" text NOT NULL,
	"message" text NOT NULL,
	"original" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "import_job_issues_job_id_severity_row_field_code_pk" PRIMARY KEY("job_id","severity","row","field","code"),
	CONSTRAINT "import_job_issues_severity_check" CHECK ("import_job_issues"."severity" in ('error', 'warning'))
);
--> statement-breakpoint
CREATE TABLE "import_jobs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"source_id" uuid,
	"file_name" text NOT NULL,
	"file_sha256" text NOT NULL,
	"status" text NOT NULL,
	"total_rows" integer,
	"rows_done" integer DEFAULT 0 NOT NULL,
	"read" integer DEFAULT 0 NOT NULL,
	"stored" integer DEFAULT 0 NOT NULL,
	"already_registered" integer DEFAULT 0 NOT NULL,
	"rejected" integer DEFAULT 0 NOT NULL,
	"warnings" integer DEFAULT 0 NOT NULL,
	"actor_id" uuid,
	"request_id" text,
	"options" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "import_jobs_status_check" CHECK ("import_jobs"."status" in ('queued', 'running', 'done', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "participant_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"participant_id" uuid NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"actor_id" uuid,
	"request_id" text,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "participants" (
	"id" uuid PRIMARY KEY NOT NULL,
	"nik" text NOT NULL,
	"kpj" text NOT NULL,
	"kpj_origin" text NOT NULL,
	"name" text NOT NULL,
	"name_key" text NOT NULL,
	"birth_date" date NOT NULL,
	"sex" text NOT NULL,
	"phone" text,
	"regency_code" text NOT NULL,
	"occupation_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"category" text NOT NULL,
	"status" text DEFAULT 'terdaftar' NOT NULL,
	"status_since" date NOT NULL,
	"registered_on" date NOT NULL,
	"source_id" uuid NOT NULL,
	"consent_purpose" text NOT NULL,
	"consent_at" timestamp with time zone NOT NULL,
	"ended_on" date,
	"end_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "participants_nik_check" CHECK ("participants"."nik" ~ '^[0-9]{16}$'),
	CONSTRAINT "participants_kpj_check" CHECK ("participants"."kpj" ~ '^[0-9]{11}$'),
	CONSTRAINT "participants_kpj_origin_check" CHECK ("participants"."kpj_origin" in ('issued', 'brought')),
	CONSTRAINT "participants_sex_check" CHECK ("participants"."sex" in ('L', 'P')),
	CONSTRAINT "participants_category_check" CHECK ("participants"."category" in ('bpu', 'pu', 'pmi', 'non_asn', 'pemilu', 'jakon')),
	CONSTRAINT "participants_status_check" CHECK ("participants"."status" in ('terdaftar', 'aktif', 'menunggak', 'nonaktif', 'berhenti'))
);
--> statement-breakpoint
CREATE TABLE "sources" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"ref_id" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "sources_kind_check" CHECK ("sources"."kind" in ('agent', 'channel', 'pemda', 'employer', 'office', 'self'))
);
--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identity_reviews" ADD CONSTRAINT "identity_reviews_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_job_issues" ADD CONSTRAINT "import_job_issues_job_id_import_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."import_jobs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participant_events" ADD CONSTRAINT "participant_events_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participants" ADD CONSTRAINT "participants_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "enrolments_participant_idx" ON "enrolments" USING btree ("participant_id");--> statement-breakpoint
CREATE INDEX "enrolments_payer_idx" ON "enrolments" USING btree ("payer","payer_ref");--> statement-breakpoint
CREATE INDEX "enrolments_employer_idx" ON "enrolments" USING btree ("employer_id") WHERE "enrolments"."employer_id" is not null;--> statement-breakpoint
CREATE INDEX "identity_reviews_participant_idx" ON "identity_reviews" USING btree ("participant_id");--> statement-breakpoint
CREATE INDEX "import_jobs_file_idx" ON "import_jobs" USING btree ("kind","file_sha256");--> statement-breakpoint
CREATE INDEX "participant_events_participant_idx" ON "participant_events" USING btree ("participant_id","occurred_at");--> statement-breakpoint
CREATE UNIQUE INDEX "participants_nik_key" ON "participants" USING btree ("nik");--> statement-breakpoint
CREATE UNIQUE INDEX "participants_kpj_key" ON "participants" USING btree ("kpj");--> statement-breakpoint
CREATE INDEX "participants_regency_status_idx" ON "participants" USING btree ("regency_code","status");--> statement-breakpoint
CREATE INDEX "participants_source_idx" ON "participants" USING btree ("source_id");--> statement-breakpoint
CREATE INDEX "participants_name_key_idx" ON "participants" USING btree ("name_key" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "sources_kind_ref_key" ON "sources" USING btree ("kind","ref_id") WHERE "sources"."ref_id" is not null;