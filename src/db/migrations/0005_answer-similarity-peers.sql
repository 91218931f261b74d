ALTER TABLE "answer_similarity" ADD COLUMN "org_id" uuid;--> statement-breakpoint
ALTER TABLE "answer_similarity" ADD COLUMN "question_key" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "answer_similarity" ADD CONSTRAINT "answer_similarity_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "answer_similarity_peers_idx" ON "answer_similarity" USING btree ("org_id","question_key");