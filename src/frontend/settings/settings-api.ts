/** The `approval-settings` resolvers, through the shared typed client. */
import { type SettingsResults, settingsContract } from '../../shared/contract';
import { moduleApi } from '../shared/api';

export const callSettings = moduleApi<typeof settingsContract, SettingsResults>(settingsContract);
