export { todayInVietnam } from '@union/contracts/dates';
