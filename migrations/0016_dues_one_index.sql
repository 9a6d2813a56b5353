ALTER TABLE "payment_allocations" DROP CONSTRAINT "payment_allocations_due_id_dues_id_fk";--> statement-breakpoint
ALTER TABLE "dues" DROP CONSTRAINT "dues_pkey";--> statement-breakpoint
DROP INDEX "dues_participant_key";--> statement-breakpoint
ALTER TABLE "dues" ADD CONSTRAINT "dues_natural_pkey" PRIMARY KEY("participant_id","month","enrolment_id","programme","payer");
