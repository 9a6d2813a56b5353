CREATE TABLE "employer_wages" (
	"id" uuid PRIMARY KEY NOT NULL,
	"employer_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"effective_month" text NOT NULL,
	"revision" smallint DEFAULT 0 NOT NULL,
	"wage_idr" bigint NOT NULL,
	"reported_via" text NOT NULL,
	"reason" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "employer_wages_month_check" CHECK ("employer_wages"."effective_month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "employer_wages_wage_check" CHECK ("employer_wages"."wage_idr" > 0),
	CONSTRAINT "employer_wages_revision_check" CHECK ("employer_wages"."revision" >= 0),
	CONSTRAINT "employer_wages_reported_via_check" CHECK ("employer_wages"."reported_via" in ('wage_report', 'api', 'cli')),
	CONSTRAINT "employer_wages_reason_check" CHECK (("employer_wages"."revision" = 0) = ("employer_wages"."reason" is null))
);
--> statement-breakpoint
CREATE TABLE "employer_workers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"employer_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"started_on" date NOT NULL,
	"ended_on" date,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "employer_workers_dates_check" CHECK ("employer_workers"."ended_on" is null or "employer_workers"."ended_on" >= "employer_workers"."started_on")
);
--> statement-breakpoint
CREATE TABLE "employers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"npp" text NOT NULL,
	"name" text NOT NULL,
	"regency_code" text NOT NULL,
	"scale" text NOT NULL,
	"risk_group" smallint NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"source_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "employers_npp_check" CHECK ("employers"."npp" ~ '^[A-Z0-9]{1,20}$'),
	CONSTRAINT "employers_scale_check" CHECK ("employers"."scale" in ('micro', 'small', 'medium', 'large')),
	CONSTRAINT "employers_risk_group_check" CHECK ("employers"."risk_group" between 1 and 5),
	CONSTRAINT "employers_status_check" CHECK ("employers"."status" in ('active', 'closed'))
);
--> statement-breakpoint
ALTER TABLE "employer_wages" ADD CONSTRAINT "employer_wages_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employer_workers" ADD CONSTRAINT "employer_workers_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "employer_wages_month_key" ON "employer_wages" USING btree ("employer_id","participant_id","effective_month","revision");--> statement-breakpoint
CREATE INDEX "employer_wages_participant_idx" ON "employer_wages" USING btree ("participant_id","effective_month");--> statement-breakpoint
CREATE UNIQUE INDEX "employer_workers_open_key" ON "employer_workers" USING btree ("employer_id","participant_id") WHERE "employer_workers"."ended_on" is null;--> statement-breakpoint
CREATE INDEX "employer_workers_participant_idx" ON "employer_workers" USING btree ("participant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "employers_npp_key" ON "employers" USING btree ("npp");--> statement-breakpoint
CREATE INDEX "employers_regency_idx" ON "employers" USING btree ("regency_code");--> statement-breakpoint
CREATE INDEX "employers_name_idx" ON "employers" USING btree (lower("name") text_pattern_ops);