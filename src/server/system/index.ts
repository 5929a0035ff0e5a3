// System: liveness, readiness and what the running platform is made of.
export * from './system.service';
export * from './stack-manifest';
export * from './runtime-failure';
export * from './status';
