/** Every handler that manifest.yml names (`function` modules, `handler: index.<export>`). */
export { bylineResolver } from './resolvers/byline';
export { settingsResolver } from './resolvers/settings';
export { queueResolver } from './resolvers/queue';
export { analyticsResolver } from './resolvers/analytics';
export { effectsConsumer } from './effects/effects-consumer';
export { pageUpdated } from './triggers/page-updated';
export { dailyMaintenance } from './triggers/daily-maintenance';
export { maintenanceConsumer } from './triggers/maintenance-consumer';
export { effectsSweep } from './triggers/effects-sweep';
export { restApi } from './api/rest-api';
