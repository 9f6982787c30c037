-- Live statistics kept by the database itself, in the same transaction as every change to members,
-- their events, units and workforce declarations: no write path (a form, an import by COPY, a merge, a
-- seed) can forget them. Statement-level triggers read the changed rows as transition tables, so a
-- COPY of 2,000 members costs one aggregate, not 2,000 updates. Each change is added to the unit and
-- every ancestor but the Confederation (whose figures are its children's sum: no national hot row).
--
-- The triggers only note a transaction's changes (per unit, in a temporary table of the session); they
-- are added to the figures when it commits, by one deferred trigger, one committing transaction at a
-- time. Added at once, they would lock figure rows in the middle of a transaction, in whatever order its
-- statements come (a transfer writes its event before the member, a lifecycle event the member first),
-- while the same transaction goes on to lock members, transfers and units: two of them deadlock. And a
-- subtree's move would carry away figures that a concurrent change had not yet committed, or that change
-- would be added to the ancestors the subtree just left. At commit a transaction holds every other lock
-- it will take, and it sees the tree and the figures as every earlier commit left them. So a transaction
-- sees its own changes in the figures only after it commits, or after `select statistics_apply_now()`.

-- Reads take a unit's figures, and months of its movements, from the primary keys alone (index-only scans,
-- ~10x faster than visiting the scattered heap rows the updates leave behind).
ALTER TABLE unit_figures DROP CONSTRAINT unit_figures_unit_id_metric_pk,
  ADD CONSTRAINT unit_figures_unit_id_metric_pk PRIMARY KEY (unit_id, metric) INCLUDE (value);
--> statement-breakpoint
ALTER TABLE unit_monthly_movements DROP CONSTRAINT unit_monthly_movements_unit_id_month_metric_pk,
  ADD CONSTRAINT unit_monthly_movements_unit_id_month_metric_pk PRIMARY KEY (unit_id, month, metric) INCLUDE (value);
--> statement-breakpoint

INSERT INTO statistics_settings (id, age_band_year)
VALUES (1, extract(year from now() at time zone 'Asia/Ho_Chi_Minh')::smallint);
--> statement-breakpoint

-- The ancestors that keep figures for a unit: every unit on its path except the root.
CREATE FUNCTION statistics_figure_holders(unit_path text) RETURNS int[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT (string_to_array(trim(both '/' from unit_path), '/')::int[])[2:]
$$;
--> statement-breakpoint

-- Adds deltas to exactly the units named, in key order.
CREATE FUNCTION statistics_put(unit_ids int[], metrics text[], deltas bigint[]) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO unit_figures AS f (unit_id, metric, value)
  SELECT d.unit_id, d.metric, sum(d.delta)
  FROM unnest(unit_ids, metrics, deltas) AS d(unit_id, metric, delta)
  GROUP BY d.unit_id, d.metric
  HAVING sum(d.delta) <> 0
  ORDER BY d.unit_id, d.metric
  ON CONFLICT (unit_id, metric) DO UPDATE SET value = f.value + excluded.value
$$;
--> statement-breakpoint

CREATE FUNCTION statistics_put_monthly(unit_ids int[], months date[], metrics text[], deltas int[])
RETURNS void LANGUAGE sql AS $$
  INSERT INTO unit_monthly_movements AS f (unit_id, month, metric, value)
  SELECT d.unit_id, d.month, d.metric, sum(d.delta)
  FROM unnest(unit_ids, months, metrics, deltas) AS d(unit_id, month, metric, delta)
  GROUP BY d.unit_id, d.month, d.metric
  HAVING sum(d.delta) <> 0
  ORDER BY d.unit_id, d.month, d.metric
  ON CONFLICT (unit_id, month, metric) DO UPDATE SET value = f.value + excluded.value
$$;
--> statement-breakpoint

-- Where a moved subtree's figures go: out of its old ancestors (-1), into its new ones (+1).
CREATE FUNCTION statistics_shift_holders(unit_id int, old_path text, new_path text)
RETURNS TABLE (holder int, sign int) LANGUAGE sql IMMUTABLE AS $$
  SELECT h, -1 FROM unnest(statistics_figure_holders(old_path)) AS h WHERE h <> unit_id
  UNION ALL
  SELECT h, 1 FROM unnest(statistics_figure_holders(new_path)) AS h WHERE h <> unit_id
$$;
--> statement-breakpoint

-- Adds what the current transaction noted to the figures: when it commits (the deferred trigger below), or
-- earlier if it asks (statistics_apply_now).
CREATE FUNCTION statistics_apply() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  moves int;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_temp.statistics_pending) THEN
    RETURN;
  END IF;
  -- One committing transaction at a time (any fixed number; the audit chain's commits already take
  -- turns the same way): each reads the paths and figures that every earlier one left.
  PERFORM pg_advisory_xact_lock(73102027);
  -- Subtrees this transaction moved, in the order they moved: the top unit of each carries the figures its
  -- subtree has away from its old ancestors to its new ones; the units inside keep theirs.
  FOR moves IN SELECT DISTINCT batch FROM pg_temp.statistics_pending WHERE old_path IS NOT NULL ORDER BY batch LOOP
    PERFORM statistics_put(array_agg(h.holder), array_agg(f.metric), array_agg(f.value * h.sign))
    FROM pg_temp.statistics_pending m
    JOIN unit_figures f ON f.unit_id = m.unit_id
    CROSS JOIN LATERAL statistics_shift_holders(m.unit_id, m.old_path, m.new_path) AS h(holder, sign)
    WHERE m.batch = moves AND m.old_path IS NOT NULL;
    PERFORM statistics_put_monthly(array_agg(h.holder), array_agg(f.month), array_agg(f.metric),
      array_agg(f.value * h.sign))
    FROM pg_temp.statistics_pending m
    JOIN unit_monthly_movements f ON f.unit_id = m.unit_id
    CROSS JOIN LATERAL statistics_shift_holders(m.unit_id, m.old_path, m.new_path) AS h(holder, sign)
    WHERE m.batch = moves AND m.old_path IS NOT NULL;
  END LOOP;
  -- Then its changes and the movements of its events: each to its unit and the ancestors it has now.
  PERFORM statistics_put(array_agg(h.holder), array_agg(d.metric), array_agg(d.delta))
  FROM (
    SELECT unit_id, metric, sum(delta)::bigint AS delta FROM pg_temp.statistics_pending
    WHERE metric IS NOT NULL AND month IS NULL GROUP BY unit_id, metric HAVING sum(delta) <> 0
  ) d
  JOIN units u ON u.id = d.unit_id
  CROSS JOIN LATERAL unnest(statistics_figure_holders(u.path)) AS h(holder);
  PERFORM statistics_put_monthly(array_agg(h.holder), array_agg(d.month), array_agg(d.metric), array_agg(d.delta))
  FROM (
    SELECT c.unit_id, c.month, c.metric, sum(c.delta)::int AS delta FROM (
      SELECT p.unit_id, p.month, p.metric, p.delta FROM pg_temp.statistics_pending p WHERE p.month IS NOT NULL
      UNION ALL
      SELECT * FROM statistics_event_movements(
        ARRAY(SELECT p.event_id FROM pg_temp.statistics_pending p WHERE p.event_id IS NOT NULL))
    ) c
    GROUP BY c.unit_id, c.month, c.metric HAVING sum(c.delta) <> 0
  ) d
  JOIN units u ON u.id = d.unit_id
  CROSS JOIN LATERAL unnest(statistics_figure_holders(u.path)) AS h(holder);
  -- Members of grassroots unions that declared a workforce (what coverage compares with the workers): set
  -- again, from the figures just written, for every grassroots union whose figures this transaction touched.
  -- A grassroots union's subtree holds exactly the members whose union it is.
  PERFORM statistics_put(array_agg(h.holder), array_agg('declared.current'::text), array_agg(c.delta::bigint))
  FROM (
    SELECT g.id, g.path,
      CASE WHEN EXISTS (SELECT 1 FROM unit_workforce w WHERE w.unit_id = g.id) THEN
        coalesce((SELECT sum(f.value) FROM unit_figures f
          WHERE f.unit_id = g.id AND f.metric IN ('status.active', 'status.suspended')), 0)
      ELSE 0 END
      - coalesce((SELECT f.value FROM unit_figures f WHERE f.unit_id = g.id AND f.metric = 'declared.current'), 0)
        AS delta
    FROM units g
    WHERE g.type IN ('grassroots_union', 'grassroots_guild')
      AND g.id IN (
        -- Where a change happened, and where a moved subtree (a branch) was before and is now.
        SELECT a.id FROM pg_temp.statistics_pending p
        JOIN units u ON u.id = p.unit_id
        CROSS JOIN LATERAL unnest(string_to_array(trim(both '/' from u.path), '/')::int[]
          || coalesce(string_to_array(trim(both '/' from p.old_path), '/')::int[], '{}')) AS a(id))
  ) c
  CROSS JOIN LATERAL unnest(statistics_figure_holders(c.path)) AS h(holder)
  WHERE c.delta <> 0;
  -- Done; whatever the transaction notes after this queues a trigger of its own.
  DELETE FROM pg_temp.statistics_pending;
  DELETE FROM pg_temp.statistics_pending_commit;
END $$;
--> statement-breakpoint

CREATE FUNCTION statistics_apply_pending() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM statistics_apply();
  RETURN NULL;
END $$;
--> statement-breakpoint

-- A transaction that reads its own changes in the figures before it commits (a seed that admits members,
-- then asks which units have some) adds them first; it then holds the figures' turn until it commits.
CREATE FUNCTION statistics_apply_now() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF to_regclass('pg_temp.statistics_pending') IS NOT NULL THEN
    PERFORM statistics_apply();
  END IF;
END $$;
--> statement-breakpoint

-- The session's note of its transaction's changes, made on first use (temporary tables cannot be made in a
-- migration) and emptied by every commit; the transaction's first note queues the trigger that applies them.
CREATE FUNCTION statistics_pending_open() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF to_regclass('pg_temp.statistics_pending') IS NULL THEN
    CREATE TEMPORARY TABLE statistics_pending (
      id bigint GENERATED ALWAYS AS IDENTITY,
      -- for a moved subtree, the order of the statement that moved it in the transaction; 0 otherwise
      batch int NOT NULL,
      unit_id int NOT NULL,
      -- a monthly movement's month; null for a live figure
      month date,
      metric text,
      delta bigint,
      -- a subtree moved: its top unit's path before and after
      old_path text,
      new_path text,
      -- a member event, counted at commit
      event_id bigint
    ) ON COMMIT DELETE ROWS;
    CREATE TEMPORARY TABLE statistics_pending_commit (noted boolean PRIMARY KEY) ON COMMIT DELETE ROWS;
    CREATE CONSTRAINT TRIGGER statistics_apply_pending AFTER INSERT ON pg_temp.statistics_pending_commit
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION statistics_apply_pending();
  END IF;
  INSERT INTO pg_temp.statistics_pending_commit (noted) VALUES (true) ON CONFLICT DO NOTHING;
END $$;
--> statement-breakpoint

-- Adds deltas of units' own figures to each unit and its ancestors, when the transaction commits. Also
-- the door for changes the triggers cannot see (workforce declarations).
CREATE FUNCTION statistics_add(unit_ids int[], metrics text[], deltas bigint[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM unnest(deltas) AS d(delta) WHERE d.delta <> 0) THEN
    RETURN;
  END IF;
  PERFORM statistics_pending_open();
  INSERT INTO pg_temp.statistics_pending (batch, unit_id, metric, delta)
  SELECT 0, d.unit_id, d.metric, d.delta
  FROM unnest(unit_ids, metrics, deltas) AS d(unit_id, metric, delta)
  WHERE d.delta <> 0;
END $$;
--> statement-breakpoint

CREATE FUNCTION statistics_add_monthly(unit_ids int[], months date[], metrics text[], deltas int[])
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM unnest(deltas) AS d(delta) WHERE d.delta <> 0) THEN
    RETURN;
  END IF;
  PERFORM statistics_pending_open();
  INSERT INTO pg_temp.statistics_pending (batch, unit_id, month, metric, delta)
  SELECT 0, d.unit_id, d.month, d.metric, d.delta
  FROM unnest(unit_ids, months, metrics, deltas) AS d(unit_id, month, metric, delta)
  WHERE d.delta <> 0;
END $$;
--> statement-breakpoint

-- Notes subtrees that moved (their top units' paths before and after), to carry their figures at commit.
CREATE FUNCTION statistics_move(top_ids int[], old_paths text[], new_paths text[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF top_ids IS NULL THEN
    RETURN;
  END IF;
  PERFORM statistics_pending_open();
  INSERT INTO pg_temp.statistics_pending (batch, unit_id, old_path, new_path)
  SELECT (SELECT coalesce(max(batch), 0) + 1 FROM pg_temp.statistics_pending), t.id, t.old_path, t.new_path
  FROM unnest(top_ids, old_paths, new_paths) AS t(id, old_path, new_path);
END $$;
--> statement-breakpoint

-- Notes member events, to count their movements at commit.
CREATE FUNCTION statistics_note_events(event_ids bigint[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF event_ids IS NULL THEN
    RETURN;
  END IF;
  PERFORM statistics_pending_open();
  INSERT INTO pg_temp.statistics_pending (batch, unit_id, event_id)
  SELECT 0, 0, e.id FROM unnest(event_ids) AS e(id);
END $$;
--> statement-breakpoint

CREATE FUNCTION statistics_age_band(age int) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN age < 30 THEN 'under_30' WHEN age < 40 THEN '30_39' WHEN age < 50 THEN '40_49'
    WHEN age < 60 THEN '50_59' ELSE '60_plus' END
$$;
--> statement-breakpoint

-- What one member row counts for in its unit's figures.
CREATE FUNCTION statistics_member_metrics(status text, sex text, nationality text, birth_date date,
  honorary boolean, dues_exempt boolean, band_year int) RETURNS SETOF text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT 'status.' || status
  UNION ALL
  SELECT metric FROM (VALUES
    ('active.' || sex),
    (CASE WHEN nationality <> 'VN' THEN 'active.foreign' END),
    (CASE WHEN honorary THEN 'active.honorary' END),
    (CASE WHEN dues_exempt THEN 'active.dues_exempt' END),
    ('age.' || statistics_age_band(band_year - extract(year from birth_date)::int))
  ) AS v(metric)
  WHERE status = 'active' AND metric IS NOT NULL
$$;
--> statement-breakpoint

CREATE FUNCTION statistics_members_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE band_year int := (SELECT age_band_year FROM statistics_settings);
BEGIN
  PERFORM statistics_add(array_agg(unit_id), array_agg(metric), array_agg(delta)) FROM (
    SELECT n.unit_id, m.metric, count(*) AS delta
    FROM new_rows n
    CROSS JOIN LATERAL statistics_member_metrics(n.status, n.sex, n.nationality, n.birth_date, n.honorary,
      n.dues_exempt, band_year) AS m(metric)
    GROUP BY n.unit_id, m.metric) d;
  RETURN NULL;
END $$;
--> statement-breakpoint

CREATE FUNCTION statistics_members_updated() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE band_year int := (SELECT age_band_year FROM statistics_settings);
BEGIN
  -- Most updates (a phone number, a path rewrite) change no figure: leave at once.
  IF NOT EXISTS (
    SELECT 1 FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE (n.unit_id, n.status, n.sex, n.nationality, n.birth_date, n.honorary, n.dues_exempt)
      IS DISTINCT FROM (o.unit_id, o.status, o.sex, o.nationality, o.birth_date, o.honorary, o.dues_exempt)
  ) THEN
    RETURN NULL;
  END IF;
  PERFORM statistics_add(array_agg(unit_id), array_agg(metric), array_agg(delta)) FROM (
    SELECT unit_id, metric, sum(delta) AS delta FROM (
      SELECT n.unit_id, m.metric, 1 AS delta
      FROM new_rows n
      CROSS JOIN LATERAL statistics_member_metrics(n.status, n.sex, n.nationality, n.birth_date, n.honorary,
        n.dues_exempt, band_year) AS m(metric)
      UNION ALL
      SELECT o.unit_id, m.metric, -1
      FROM old_rows o
      CROSS JOIN LATERAL statistics_member_metrics(o.status, o.sex, o.nationality, o.birth_date, o.honorary,
        o.dues_exempt, band_year) AS m(metric)
    ) c GROUP BY unit_id, metric HAVING sum(delta) <> 0) d;
  RETURN NULL;
END $$;
--> statement-breakpoint

CREATE FUNCTION statistics_members_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE band_year int := (SELECT age_band_year FROM statistics_settings);
BEGIN
  PERFORM statistics_add(array_agg(unit_id), array_agg(metric), array_agg(-delta)) FROM (
    SELECT o.unit_id, m.metric, count(*) AS delta
    FROM old_rows o
    CROSS JOIN LATERAL statistics_member_metrics(o.status, o.sex, o.nationality, o.birth_date, o.honorary,
      o.dues_exempt, band_year) AS m(metric)
    GROUP BY o.unit_id, m.metric) d;
  RETURN NULL;
END $$;
--> statement-breakpoint

CREATE TRIGGER statistics_members_inserted AFTER INSERT ON members
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION statistics_members_inserted();
--> statement-breakpoint
CREATE TRIGGER statistics_members_updated AFTER UPDATE ON members
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION statistics_members_updated();
--> statement-breakpoint
CREATE TRIGGER statistics_members_deleted AFTER DELETE ON members
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION statistics_members_deleted();
--> statement-breakpoint

-- The membership status an event leaves behind; null for events that do not change it.
CREATE FUNCTION statistics_status_after(event_type text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN event_type IN ('admit', 'readmit', 'reinstate', 'resume', 'honorary_grant') THEN 'active'
    WHEN event_type = 'suspend' THEN 'suspended'
    WHEN event_type = 'leave' THEN 'left'
    WHEN event_type = 'expel' THEN 'expelled'
    WHEN event_type = 'death' THEN 'deceased'
  END
$$;
--> statement-breakpoint

-- The movements events count for, where and in which month, from the history as it stands: the status
-- before an event is the one the last status-changing event before it left (none for an admission). A
-- transfer moves a current member from one unit to another: what leaves the sending side arrives on the
-- receiving side, so both sides count the same `current_net` — even for a transfer dated when the member
-- was not current (a merge dated before a readmission), which then moves no current member at all.
CREATE FUNCTION statistics_event_movements(event_ids bigint[])
RETURNS TABLE (unit_id int, month date, metric text, delta int) LANGUAGE sql STABLE AS $$
  WITH ev AS (
    SELECT n.type, n.unit_id, n.to_unit_id, date_trunc('month', n.effective_on)::date AS month,
      CASE WHEN n.type = 'admit' THEN NULL ELSE (
        SELECT statistics_status_after(p.type) FROM member_events p
        WHERE p.member_id = n.member_id AND (p.effective_on, p.id) < (n.effective_on, n.id)
          AND statistics_status_after(p.type) IS NOT NULL
        ORDER BY p.effective_on DESC, p.id DESC LIMIT 1) END AS status_before
    FROM member_events n
    WHERE n.id = ANY (event_ids)
  ), e AS (
    SELECT b.*,
      coalesce(b.status_before IN ('active', 'suspended'), false)::int AS current_before,
      coalesce(coalesce(statistics_status_after(b.type), b.status_before) IN ('active', 'suspended'), false)::int
        AS current_after
    FROM ev b
  )
  SELECT e.unit_id, e.month, m.metric, m.delta
  FROM e CROSS JOIN LATERAL (VALUES
    (CASE e.type WHEN 'admit' THEN 'admitted' WHEN 'readmit' THEN 'readmitted' WHEN 'reinstate' THEN 'reinstated'
      WHEN 'transfer' THEN 'transferred_out' WHEN 'leave' THEN 'left' WHEN 'expel' THEN 'expelled'
      WHEN 'death' THEN 'deceased' END, 1),
    ('current_net', CASE WHEN e.type = 'transfer' THEN -e.current_before ELSE e.current_after - e.current_before END)
  ) AS m(metric, delta)
  WHERE m.metric IS NOT NULL AND m.delta <> 0
  UNION ALL
  SELECT e.to_unit_id, e.month, m.metric, m.delta
  FROM e CROSS JOIN LATERAL (VALUES ('transferred_in', 1), ('current_net', e.current_before)) AS m(metric, delta)
  WHERE e.type = 'transfer' AND e.to_unit_id IS NOT NULL AND m.delta <> 0
$$;
--> statement-breakpoint

-- Events that may count as movements (those that set a status, and transfers) are counted at commit, from
-- the history every earlier commit left: a member's events are written one transaction at a time, but a
-- merge writes its transfers without waiting for the members' other changes.
CREATE FUNCTION statistics_events_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM statistics_note_events(array_agg(id)) FROM new_rows
  WHERE statistics_status_after(type) IS NOT NULL OR type = 'transfer';
  RETURN NULL;
END $$;
--> statement-breakpoint

-- The history is append-only: an event is never changed or removed, so its movements never need undoing.
CREATE FUNCTION statistics_events_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'member_events is append-only' USING ERRCODE = 'raise_exception';
END $$;
--> statement-breakpoint
CREATE TRIGGER statistics_events_inserted AFTER INSERT ON member_events
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION statistics_events_inserted();
--> statement-breakpoint
CREATE TRIGGER statistics_events_immutable BEFORE UPDATE OR DELETE ON member_events
  FOR EACH ROW EXECUTE FUNCTION statistics_events_immutable();
--> statement-breakpoint

CREATE FUNCTION statistics_units_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM statistics_add(array_agg(id), array_agg('unit.' || type), array_agg(1::bigint))
  FROM new_rows WHERE status = 'active';
  RETURN NULL;
END $$;
--> statement-breakpoint

CREATE FUNCTION statistics_units_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- A unit that opened or closed, or changed type, counts differently (paths are unchanged then).
  PERFORM statistics_add(array_agg(id), array_agg(metric), array_agg(delta)) FROM (
    SELECT n.id, 'unit.' || n.type AS metric, 1::bigint AS delta
    FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE n.status = 'active' AND (o.status <> 'active' OR o.type <> n.type)
    UNION ALL
    SELECT o.id, 'unit.' || o.type, -1
    FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE o.status = 'active' AND (n.status <> 'active' OR o.type <> n.type)) d;
  -- A subtree moved: the top unit of each moved subtree will carry its whole subtree's figures away from its
  -- old ancestors to its new ones (at commit); the units inside keep theirs.
  PERFORM statistics_move(array_agg(m.id), array_agg(m.old_path), array_agg(m.new_path))
  FROM (
    SELECT n.id, o.path AS old_path, n.path AS new_path,
      string_to_array(trim(both '/' from n.path), '/')::int[] AS new_ids
    FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE n.path <> o.path
  ) m
  WHERE NOT EXISTS (
    SELECT 1 FROM new_rows parent JOIN old_rows o ON o.id = parent.id
    WHERE parent.id = m.new_ids[cardinality(m.new_ids) - 1] AND parent.path <> o.path);
  RETURN NULL;
END $$;
--> statement-breakpoint

CREATE TRIGGER statistics_units_inserted AFTER INSERT ON units
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION statistics_units_inserted();
--> statement-breakpoint
CREATE TRIGGER statistics_units_updated AFTER UPDATE ON units
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION statistics_units_updated();
--> statement-breakpoint

-- Who may read statistics and reports (every officer, for their units), and declare a workforce.
INSERT INTO role_permissions (role, permission)
SELECT role, permission FROM (VALUES
  ('confederation_admin', ARRAY['statistics.read', 'statistics.workforce']),
  ('federation_officer', ARRAY['statistics.read', 'statistics.workforce']),
  ('upper_union_officer', ARRAY['statistics.read', 'statistics.workforce']),
  ('grassroots_chair', ARRAY['statistics.read', 'statistics.workforce']),
  ('grassroots_officer', ARRAY['statistics.read', 'statistics.workforce'])
) AS grants(role, permissions), unnest(permissions) AS permission;
