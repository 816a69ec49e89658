/** The `approval-analytics` resolvers, through the shared typed client. */
import { type AnalyticsResults, analyticsContract } from '../../shared/contract';
import { moduleApi } from '../shared/api';

export const callAnalytics = moduleApi<typeof analyticsContract, AnalyticsResults>(analyticsContract);
