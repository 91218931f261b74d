ALTER TABLE "organizations" ADD COLUMN "recording_retention_days" integer DEFAULT 180 NOT NULL;--> statement-breakpoint
ALTER TABLE "media" ADD COLUMN "voice" jsonb;