-- several payments per invoice (partial payments), one per client key
ALTER TABLE "pemda_invoice_payments" DROP CONSTRAINT "pemda_invoice_payments_pkey";--> statement-breakpoint
ALTER TABLE "pemda_invoice_payments" ADD CONSTRAINT "pemda_invoice_payments_pkey" PRIMARY KEY("invoice_id","client_key");
