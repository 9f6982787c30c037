-- The upper union recognises its grassroots unions and so also closes them (domain.md §1.1, §1.3):
-- commune, industrial-zone and special upper-union officers may dissolve units below them.
INSERT INTO role_permissions (role, permission) VALUES ('upper_union_officer', 'units.dissolve')
ON CONFLICT DO NOTHING;
