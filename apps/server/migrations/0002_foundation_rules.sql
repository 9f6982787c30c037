-- The audit log is append-only: the database itself refuses to change or remove an entry.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
--> statement-breakpoint
-- Offices belong to units; the two tables live in different modules, so the link is declared here.
ALTER TABLE offices ADD CONSTRAINT offices_unit_id_fk FOREIGN KEY (unit_id) REFERENCES units(id);
--> statement-breakpoint
-- Roles and what they grant are data, not code: an administrator can change them without a release.
INSERT INTO roles (code, name_vi, name_en, requires_totp, unit_types) VALUES
  ('confederation_admin', 'Quản trị Tổng Liên đoàn', 'Confederation administrator', true, ARRAY['confederation']),
  ('federation_officer', 'Cán bộ LĐLĐ tỉnh, công đoàn ngành', 'Federation officer', true,
    ARRAY['provincial_federation', 'sector_union', 'corporate_union']),
  ('upper_union_officer', 'Cán bộ công đoàn cấp trên cơ sở', 'Upper union officer', false,
    ARRAY['upper_union', 'commune_union', 'industrial_zone_union']),
  ('grassroots_chair', 'Chủ tịch công đoàn cơ sở', 'Grassroots union chair', false,
    ARRAY['grassroots_union', 'grassroots_guild']),
  ('grassroots_officer', 'Cán bộ công đoàn cơ sở', 'Grassroots union officer', false,
    ARRAY['grassroots_union', 'grassroots_guild', 'union_branch', 'union_group']),
  ('legal_adviser', 'Tư vấn viên pháp luật', 'Legal adviser', false,
    ARRAY['confederation', 'provincial_federation', 'sector_union', 'corporate_union', 'upper_union', 'commune_union',
      'industrial_zone_union']),
  ('member', 'Đoàn viên', 'Member', false, ARRAY['grassroots_union', 'grassroots_guild', 'union_branch', 'union_group']),
  ('partner_merchant', 'Đối tác ưu đãi', 'Partner merchant', false,
    ARRAY['confederation', 'provincial_federation', 'sector_union', 'corporate_union']);
--> statement-breakpoint
INSERT INTO role_permissions (role, permission)
SELECT role, permission FROM (VALUES
  ('confederation_admin', ARRAY['units.read', 'units.create', 'units.update', 'units.move', 'units.dissolve',
    'offices.read', 'offices.assign', 'offices.end', 'accounts.read', 'accounts.create', 'audit.read']),
  ('federation_officer', ARRAY['units.read', 'units.create', 'units.update', 'units.move', 'units.dissolve',
    'offices.read', 'offices.assign', 'offices.end', 'accounts.read', 'accounts.create', 'audit.read']),
  ('upper_union_officer', ARRAY['units.read', 'units.create', 'units.update', 'offices.read', 'offices.assign',
    'offices.end', 'accounts.read', 'accounts.create', 'audit.read']),
  ('grassroots_chair', ARRAY['units.read', 'units.create', 'units.update', 'units.move', 'units.dissolve',
    'offices.read', 'offices.assign', 'offices.end', 'accounts.read', 'accounts.create', 'audit.read']),
  ('grassroots_officer', ARRAY['units.read', 'offices.read', 'accounts.read']),
  ('legal_adviser', ARRAY['units.read'])
) AS grants(role, permissions), unnest(permissions) AS permission;
