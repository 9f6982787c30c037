export { isPermission, PERMISSIONS, type Permission } from '@union/contracts/permissions';
