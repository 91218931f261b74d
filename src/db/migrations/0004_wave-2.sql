CREATE TABLE "email_codes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"code_hash" text NOT NULL,
	"link_token_hash" text,
	"email" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	CONSTRAINT "email_codes_link_token_hash_unique" UNIQUE("link_token_hash")
);
--> statement-breakpoint
CREATE TABLE "answer_similarity" (
	"id" uuid PRIMARY KEY NOT NULL,
	"interview_id" uuid NOT NULL,
	"question_id" uuid NOT NULL,
	"matches" jsonb NOT NULL,
	"typing" jsonb,
	"signature" jsonb NOT NULL,
	"max_similarity" real DEFAULT 0 NOT NULL,
	"computed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "integrity_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"interview_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"seq" integer NOT NULL,
	"kind" text NOT NULL,
	"at" text NOT NULL,
	"details" jsonb NOT NULL,
	"hash" text NOT NULL,
	"problem" text,
	"received_at" timestamp with time zone NOT NULL,
	"server_hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "integrity_flags" (
	"id" uuid PRIMARY KEY NOT NULL,
	"interview_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"category" text NOT NULL,
	"message" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"reviewed_at" timestamp with time zone,
	"reviewed_by" uuid,
	"review_note" text
);
--> statement-breakpoint
CREATE TABLE "org_proctoring_settings" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"thresholds" jsonb NOT NULL,
	"terminate_on_threshold" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "proctoring_sessions" (
	"interview_id" uuid PRIMARY KEY NOT NULL,
	"precheck" jsonb,
	"precheck_passed" boolean DEFAULT false NOT NULL,
	"nonce" text,
	"head_seq" integer DEFAULT 0 NOT NULL,
	"head_hash" text,
	"positions" integer DEFAULT 0 NOT NULL,
	"server_head" text,
	"tampered_at" integer,
	"tamper_problem" text,
	"terminated_reason" text,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
DROP INDEX "interview_questions_order_key";--> statement-breakpoint
ALTER TABLE "refresh_tokens" ADD COLUMN "ip" text;--> statement-breakpoint
ALTER TABLE "refresh_tokens" ADD COLUMN "user_agent" text;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "last_seen_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "email_verified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "last_sign_in_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "interview_questions" ADD COLUMN "parent_question_id" uuid;--> statement-breakpoint
ALTER TABLE "interview_questions" ADD COLUMN "follow_up_kind" text;--> statement-breakpoint
ALTER TABLE "interview_questions" ADD COLUMN "follow_up_target" text;--> statement-breakpoint
ALTER TABLE "interviews" ADD COLUMN "follow_ups" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "interviews" ADD COLUMN "proctoring" text DEFAULT 'off' NOT NULL;--> statement-breakpoint
ALTER TABLE "email_codes" ADD CONSTRAINT "email_codes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "answer_similarity" ADD CONSTRAINT "answer_similarity_interview_id_interviews_id_fk" FOREIGN KEY ("interview_id") REFERENCES "public"."interviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integrity_events" ADD CONSTRAINT "integrity_events_interview_id_interviews_id_fk" FOREIGN KEY ("interview_id") REFERENCES "public"."interviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integrity_flags" ADD CONSTRAINT "integrity_flags_interview_id_interviews_id_fk" FOREIGN KEY ("interview_id") REFERENCES "public"."interviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integrity_flags" ADD CONSTRAINT "integrity_flags_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_proctoring_settings" ADD CONSTRAINT "org_proctoring_settings_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_proctoring_settings" ADD CONSTRAINT "org_proctoring_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proctoring_sessions" ADD CONSTRAINT "proctoring_sessions_interview_id_interviews_id_fk" FOREIGN KEY ("interview_id") REFERENCES "public"."interviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "email_codes_user_purpose_idx" ON "email_codes" USING btree ("user_id","purpose");--> statement-breakpoint
CREATE UNIQUE INDEX "answer_similarity_question_key" ON "answer_similarity" USING btree ("interview_id","question_id");--> statement-breakpoint
CREATE INDEX "answer_similarity_interview_idx" ON "answer_similarity" USING btree ("interview_id");--> statement-breakpoint
CREATE UNIQUE INDEX "integrity_events_position_key" ON "integrity_events" USING btree ("interview_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "integrity_flags_kind_key" ON "integrity_flags" USING btree ("interview_id","kind","category");--> statement-breakpoint
ALTER TABLE "interview_questions" ADD CONSTRAINT "interview_questions_parent_question_id_interview_questions_id_fk" FOREIGN KEY ("parent_question_id") REFERENCES "public"."interview_questions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "interview_follow_ups_order_key" ON "interview_questions" USING btree ("parent_question_id","order");--> statement-breakpoint
CREATE UNIQUE INDEX "interview_questions_order_key" ON "interview_questions" USING btree ("interview_id","order") WHERE parent_question_id is null;