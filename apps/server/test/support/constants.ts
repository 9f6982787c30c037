export const TEST_ADMIN_PASSWORD = 'admin-test-password-2026';
export const TEST_PASSWORD = 'test-password-2026';
