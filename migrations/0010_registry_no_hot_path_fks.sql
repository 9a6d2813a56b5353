ALTER TABLE "enrolments" DROP CONSTRAINT "enrolments_participant_id_participants_id_fk";
--> statement-breakpoint
ALTER TABLE "participant_events" DROP CONSTRAINT "participant_events_participant_id_participants_id_fk";
--> statement-breakpoint
ALTER TABLE "participants" DROP CONSTRAINT "participants_source_id_sources_id_fk";
