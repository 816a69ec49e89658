import ForgeReconciler, { Text } from '@forge/react';

ForgeReconciler.render(<Text>Loading…</Text>);
