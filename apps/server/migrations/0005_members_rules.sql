-- Members belong to units; the tables live in different modules, so the links are declared here.
ALTER TABLE members ADD CONSTRAINT members_unit_id_fk FOREIGN KEY (unit_id) REFERENCES units(id);
--> statement-breakpoint
ALTER TABLE members ADD CONSTRAINT members_grassroots_unit_id_fk FOREIGN KEY (grassroots_unit_id) REFERENCES units(id);
--> statement-breakpoint
ALTER TABLE member_transfers ADD CONSTRAINT member_transfers_to_unit_id_fk FOREIGN KEY (to_unit_id) REFERENCES units(id);
--> statement-breakpoint
-- What each role may do with member records. Sensitive data (ethnicity, religion; Law 91/2025, NĐ 356/2025
-- Art. 4) is read only where the record is kept: the grassroots chair, and the Confederation's administrators.
INSERT INTO role_permissions (role, permission)
SELECT role, permission FROM (VALUES
  ('confederation_admin', ARRAY['members.read', 'members.admit', 'members.update', 'members.lifecycle',
    'members.transfer', 'members.import', 'members.export', 'members.read_sensitive', 'members.corrections']),
  ('federation_officer', ARRAY['members.read', 'members.admit', 'members.update', 'members.lifecycle',
    'members.transfer', 'members.import', 'members.export', 'members.corrections']),
  ('upper_union_officer', ARRAY['members.read', 'members.admit', 'members.update', 'members.lifecycle',
    'members.transfer', 'members.import', 'members.export', 'members.corrections']),
  ('grassroots_chair', ARRAY['members.read', 'members.admit', 'members.update', 'members.lifecycle',
    'members.transfer', 'members.import', 'members.export', 'members.read_sensitive', 'members.corrections']),
  ('grassroots_officer', ARRAY['members.read', 'members.admit', 'members.update', 'members.lifecycle',
    'members.transfer', 'members.import', 'members.export', 'members.corrections'])
) AS grants(role, permissions), unnest(permissions) AS permission;
