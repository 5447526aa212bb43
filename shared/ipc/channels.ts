/**
 * Channel names of the IPC contract, without their schemas, so the sandboxed preload can
 * allow-list channels without bundling zod. `contract.ts` checks that both lists agree.
 */
export const CHANNEL_NAMES = [
  'contracts:list',
  'contracts:get',
  'contracts:import',
  'contracts:file',
  'contracts:remove',
  'contracts:setEvents',
  'checklist:get',
  'checklist:update',
  'checklist:evidence',
  'checklist:export',
  'scenarios:save',
  'scenarios:remove',
  'calendar:get',
  'calendar:set',
  'playbook:get',
  'playbook:set',
  'nda:check',
  'search:query',
  'annotations:create',
  'annotations:change',
  'contracts:signOff',
  'report:export',
  'bundle:export',
  'bundle:import',
  'identity:get',
  'settings:get',
  'settings:setReviewer',
  'store:status',
] as const;
