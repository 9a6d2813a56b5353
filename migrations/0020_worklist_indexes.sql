DROP INDEX "participants_regency_status_idx";--> statement-breakpoint
ALTER TABLE "contribution_states" ADD COLUMN "regency_code" text;--> statement-breakpoint
UPDATE "contribution_states" cs SET "regency_code" = p."regency_code" FROM "participants" p WHERE p."id" = cs."participant_id";--> statement-breakpoint
CREATE INDEX "contribution_states_worklist_idx" ON "contribution_states" USING btree ("regency_code","status",coalesce("next_change_on", '9999-12-31'::date),"participant_id");--> statement-breakpoint
CREATE INDEX "participants_regency_status_since_idx" ON "participants" USING btree ("regency_code","status","status_since","id");