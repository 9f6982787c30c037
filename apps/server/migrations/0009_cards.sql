CREATE SEQUENCE "public"."card_status_index_seq" INCREMENT BY 1 MINVALUE 0 MAXVALUE 9223372036854775807 START WITH 0 CACHE 1;--> statement-breakpoint
CREATE SEQUENCE "public"."card_status_version_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "card_benefit_uses" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "card_benefit_uses_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"card_id" bigint NOT NULL,
	"member_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"unit_path" text NOT NULL,
	"province_id" integer,
	"merchant_account_id" integer NOT NULL,
	"benefit" text NOT NULL,
	"amount_vnd" bigint,
	"used_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "card_print_files" (
	"job_id" integer PRIMARY KEY NOT NULL,
	"filename" text NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "card_signing_keys" (
	"kid" text PRIMARY KEY NOT NULL,
	"public_jwk" jsonb NOT NULL,
	"private_jwk" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"signs_until" timestamp with time zone NOT NULL,
	"published_until" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "card_status_chunks" (
	"chunk_no" integer PRIMARY KEY NOT NULL,
	"bits" "bytea" NOT NULL,
	"version" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cards" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "cards_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"member_id" integer NOT NULL,
	"kind" text NOT NULL,
	"status_index" integer DEFAULT nextval('card_status_index_seq') NOT NULL,
	"unit_id" integer NOT NULL,
	"unit_name" text NOT NULL,
	"device_public_jwk" jsonb,
	"device_key_thumbprint" text,
	"credential" text,
	"kid" text,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone,
	"issued_by" integer,
	"revoked_at" timestamp with time zone,
	"revoked_reason" text,
	"revoked_by" integer,
	CONSTRAINT "cards_kind_check" CHECK ("cards"."kind" in ('phone', 'printed')),
	CONSTRAINT "cards_revoked_reason_check" CHECK ("cards"."revoked_reason" is null or "cards"."revoked_reason" in ('device_lost', 'device_replaced', 'reissued', 'transferred', 'membership_ended'))
);
--> statement-breakpoint
CREATE INDEX "card_benefit_uses_path_idx" ON "card_benefit_uses" USING btree ("unit_path" text_pattern_ops,"used_at");--> statement-breakpoint
CREATE INDEX "card_benefit_uses_merchant_idx" ON "card_benefit_uses" USING btree ("merchant_account_id","used_at");--> statement-breakpoint
CREATE INDEX "card_print_files_created_idx" ON "card_print_files" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "cards_status_index_key" ON "cards" USING btree ("status_index");--> statement-breakpoint
CREATE UNIQUE INDEX "cards_one_live_key" ON "cards" USING btree ("member_id","kind") WHERE "cards"."revoked_at" is null;--> statement-breakpoint
CREATE INDEX "cards_member_idx" ON "cards" USING btree ("member_id","id");--> statement-breakpoint

-- The status list lives in 1 KiB chunks of 8,192 bits. W3C numbers a bitstring from its most significant
-- bit; PostgreSQL's set_bit numbers each byte from its least significant, hence the 7 - (i % 8).
CREATE FUNCTION card_status_write(card_indexes integer[], card_invalid boolean[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  chunk record;
  k integer;
  updated bytea;
BEGIN
  -- Chunks in ascending order: concurrent writers lock them in the same order and cannot deadlock.
  FOR chunk IN
    SELECT i / 8192 AS chunk_no, array_agg(i % 8192) AS locals, array_agg(v) AS vals
    FROM unnest(card_indexes, card_invalid) AS t(i, v)
    GROUP BY 1 ORDER BY 1
  LOOP
    INSERT INTO card_status_chunks (chunk_no, bits, version)
    VALUES (chunk.chunk_no, decode(repeat('00', 1024), 'hex'), nextval('card_status_version_seq'))
    ON CONFLICT (chunk_no) DO NOTHING;
    SELECT bits INTO updated FROM card_status_chunks WHERE chunk_no = chunk.chunk_no FOR UPDATE;
    FOR k IN 1 .. array_length(chunk.locals, 1) LOOP
      updated := set_bit(updated, (chunk.locals[k] / 8) * 8 + 7 - chunk.locals[k] % 8, chunk.vals[k]::integer);
    END LOOP;
    UPDATE card_status_chunks SET bits = updated, version = nextval('card_status_version_seq')
    WHERE chunk_no = chunk.chunk_no;
  END LOOP;
END $$;
--> statement-breakpoint

-- A card issued to someone not active (a suspended member opening the app) starts invalid.
CREATE FUNCTION cards_inserted() RETURNS trigger LANGUAGE plpgsql
-- Plan each statement for the arrays it is given: a cached generic plan cannot know their length.
SET plan_cache_mode = force_custom_plan AS $$
DECLARE
  indexes integer[];
BEGIN
  -- A lookup by primary key per new card: a join planned without statistics could scan all members.
  SELECT array_agg(n.status_index) INTO indexes
  FROM new_rows n
  WHERE n.revoked_at IS NOT NULL
     OR EXISTS (SELECT 1 FROM members m WHERE m.id = n.member_id AND m.status <> 'active');
  IF indexes IS NOT NULL THEN
    PERFORM card_status_write(indexes, array_fill(true, ARRAY[array_length(indexes, 1)]));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER cards_inserted AFTER INSERT ON cards
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cards_inserted();
--> statement-breakpoint

-- Revocation is for good.
CREATE FUNCTION cards_revoked() RETURNS trigger LANGUAGE plpgsql
-- Plan each statement for the arrays it is given: a cached generic plan cannot know their length.
SET plan_cache_mode = force_custom_plan AS $$
DECLARE
  indexes integer[];
BEGIN
  -- Setting a bit again is harmless, so no join with old_rows (see cards_members_updated for why not).
  SELECT array_agg(n.status_index) INTO indexes
  FROM new_rows n
  WHERE n.revoked_at IS NOT NULL;
  IF indexes IS NOT NULL THEN
    PERFORM card_status_write(indexes, array_fill(true, ARRAY[array_length(indexes, 1)]));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER cards_revoked AFTER UPDATE ON cards
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cards_revoked();
--> statement-breakpoint

-- The card follows the membership, whatever path changed it (a form, an import, a transfer, a merge):
-- a new unit or the end of membership revokes the live cards; a suspension flips their bits until the
-- member resumes.
CREATE FUNCTION cards_members_updated() RETURNS trigger LANGUAGE plpgsql
-- Plan each statement for the arrays it is given: a cached generic plan cannot know their length.
SET plan_cache_mode = force_custom_plan AS $$
DECLARE
  ended integer[];
  moved integer[];
  flipped integer[];
  flipped_invalid boolean[];
  indexes integer[];
  invalid boolean[];
BEGIN
  -- The changed members first, into arrays. The transition tables are never joined with each other:
  -- the planner takes each for one row, and a nested loop over 10,000 suspended members compared 10^8
  -- pairs (14 s). Both hold the same ids, so sorted by id they line up, and unnest zips them.
  WITH after AS (
    SELECT array_agg(id ORDER BY id) AS ids, array_agg(status ORDER BY id) AS statuses,
           array_agg(unit_id ORDER BY id) AS units
    FROM new_rows
  ), before AS (
    SELECT array_agg(status ORDER BY id) AS statuses, array_agg(unit_id ORDER BY id) AS units FROM old_rows
  ), changes AS (
    SELECT c.*
    FROM after, before,
      unnest(after.ids, after.statuses, after.units, before.statuses, before.units)
        AS c(id, status, unit_id, old_status, old_unit_id)
    WHERE c.unit_id <> c.old_unit_id OR c.status IS DISTINCT FROM c.old_status
  )
  SELECT
    array_agg(id) FILTER (WHERE status IN ('left', 'expelled', 'deceased') AND old_status IS DISTINCT FROM status),
    array_agg(id) FILTER (WHERE unit_id <> old_unit_id
      AND NOT (status IN ('left', 'expelled', 'deceased') AND old_status IS DISTINCT FROM status)),
    array_agg(id) FILTER (WHERE unit_id = old_unit_id AND status <> old_status
      AND status IN ('active', 'suspended') AND old_status IN ('active', 'suspended')),
    array_agg(status <> 'active') FILTER (WHERE unit_id = old_unit_id AND status <> old_status
      AND status IN ('active', 'suspended') AND old_status IN ('active', 'suspended'))
  INTO ended, moved, flipped, flipped_invalid
  FROM changes;

  IF ended IS NOT NULL THEN
    UPDATE cards SET revoked_at = now(), revoked_reason = 'membership_ended'
    WHERE member_id = ANY(ended) AND revoked_at IS NULL;
  END IF;
  IF moved IS NOT NULL THEN
    UPDATE cards SET revoked_at = now(), revoked_reason = 'transferred'
    WHERE member_id = ANY(moved) AND revoked_at IS NULL;
  END IF;
  IF flipped IS NOT NULL THEN
    SELECT array_agg(c.status_index), array_agg(f.invalid) INTO indexes, invalid
    FROM unnest(flipped, flipped_invalid) AS f(member_id, invalid)
    JOIN cards c ON c.member_id = f.member_id AND c.revoked_at IS NULL;
    IF indexes IS NOT NULL THEN
      PERFORM card_status_write(indexes, invalid);
    END IF;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER cards_members_updated AFTER UPDATE ON members
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cards_members_updated();
--> statement-breakpoint

-- Officers read, issue and revoke cards for their units; partner merchants record benefits.
INSERT INTO role_permissions (role, permission)
SELECT role, permission FROM (VALUES
  ('confederation_admin', ARRAY['cards.read', 'cards.issue', 'cards.revoke', 'cards.benefits.read']),
  ('federation_officer', ARRAY['cards.read', 'cards.issue', 'cards.revoke', 'cards.benefits.read']),
  ('upper_union_officer', ARRAY['cards.read', 'cards.issue', 'cards.revoke', 'cards.benefits.read']),
  ('grassroots_chair', ARRAY['cards.read', 'cards.issue', 'cards.revoke', 'cards.benefits.read']),
  ('grassroots_officer', ARRAY['cards.read', 'cards.issue', 'cards.revoke', 'cards.benefits.read']),
  ('partner_merchant', ARRAY['cards.benefits.record'])
) AS grants(role, permissions), unnest(permissions) AS permission;
