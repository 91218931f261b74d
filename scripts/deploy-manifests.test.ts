/**
 * The deployment files (deploy/, Dockerfile) checked without a cluster or a Docker daemon:
 * every manifest parses and has the fields its kind requires, the pieces refer to each other
 * correctly (labels, port names, the Secret and ConfigMap), the environment they set is one
 * Panelist accepts, and the compose file and nginx config agree on the instances.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { loadConfig } from '../src/server/config.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const k8sDir = path.join(root, 'deploy/k8s');
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Manifest = Record<string, any>;

const manifests: Manifest[] = readdirSync(k8sDir)
  .filter((f) => f.endsWith('.yaml'))
  .flatMap((f) =>
    parseAllDocuments(readFileSync(path.join(k8sDir, f), 'utf8')).map((doc) => {
      expect(doc.errors, f).toEqual([]);
      return doc.toJS() as Manifest;
    }),
  );
const byKind = (kind: string) => {
  const found = manifests.filter((m) => m.kind === kind);
  expect(found.length, `one ${kind}`).toBe(1);
  return found[0]!;
};
const API_VERSIONS: Record<string, string> = {
  Namespace: 'v1',
  ConfigMap: 'v1',
  Service: 'v1',
  PersistentVolumeClaim: 'v1',
  Deployment: 'apps/v1',
  Job: 'batch/v1',
  Ingress: 'networking.k8s.io/v1',
  PodDisruptionBudget: 'policy/v1',
};
const matches = (selector: Record<string, string>, labels: Record<string, string>) =>
  Object.entries(selector).every(([k, v]) => labels[k] === v);
/** Names config.ts reads (its schema keys), so a misspelt variable in a manifest is caught. */
const knownEnv = new Set(
  [...readFileSync(path.join(root, 'src/server/config.ts'), 'utf8').matchAll(/^\s{4}([A-Z][A-Z0-9_]+):/gm)].map((m) => m[1]!),
);
const secret = { DATABASE_URL: 'postgres://panelist:pw@postgres:5432/panelist', SECRET_KEY: 'k'.repeat(64) };

describe('Kubernetes manifests', () => {
  it('are each a known kind with its API version, a name and the panelist namespace', () => {
    expect(manifests.length).toBeGreaterThanOrEqual(8);
    for (const m of manifests) {
      expect(API_VERSIONS[m.kind], m.kind).toBe(m.apiVersion);
      expect(m.metadata?.name, m.kind).toMatch(/^[a-z0-9-]+$/);
      if (m.kind !== 'Namespace') expect(m.metadata.namespace, m.kind).toBe('panelist');
    }
  });

  it('run the app with readiness on /readyz, liveness on /healthz, resources and no root', () => {
    const deployment = byKind('Deployment');
    const pod = deployment.spec.template;
    expect(matches(deployment.spec.selector.matchLabels, pod.metadata.labels)).toBe(true);
    expect(deployment.spec.replicas).toBeGreaterThanOrEqual(2);
    expect(pod.spec.securityContext.runAsNonRoot).toBe(true);
    const [container] = pod.spec.containers;
    const portNames = container.ports.map((p: Manifest) => p.name);
    expect(container.readinessProbe.httpGet).toMatchObject({ path: '/readyz' });
    expect(container.livenessProbe.httpGet).toMatchObject({ path: '/healthz' });
    for (const probe of [container.readinessProbe, container.livenessProbe, container.startupProbe])
      expect(portNames).toContain(probe.httpGet.port);
    expect(container.resources.requests.memory).toBeDefined();
    expect(container.resources.limits.memory).toBeDefined();
    // Every volume a container mounts is declared, and the uploads volume is the shared claim.
    const volumes = new Map(pod.spec.volumes.map((v: Manifest) => [v.name, v]));
    for (const mount of container.volumeMounts) expect(volumes.has(mount.name), mount.name).toBe(true);
    const claim = byKind('PersistentVolumeClaim');
    expect(claim.spec.accessModes).toContain('ReadWriteMany');
    expect(pod.spec.volumes.some((v: Manifest) => v.persistentVolumeClaim?.claimName === claim.metadata.name)).toBe(true);
  });

  it('give the app an environment Panelist accepts, with the secret parts from the Secret', () => {
    const config = byKind('ConfigMap');
    for (const key of Object.keys(config.data)) expect(knownEnv.has(key), key).toBe(true);
    expect(Object.keys(config.data)).not.toContain('SECRET_KEY');
    const loaded = loadConfig({ ...config.data, ...secret });
    expect(loaded.trustProxy).toBe(true);
    expect(loaded.storageDir).toBe('/files');
    for (const kind of ['Deployment', 'Job']) {
      const container = byKind(kind).spec.template.spec.containers[0];
      const from = container.envFrom.map((e: Manifest) => e.configMapRef?.name ?? e.secretRef?.name);
      expect(from, kind).toEqual([config.metadata.name, 'panelist']);
    }
  });

  it('route the Service, the Ingress and the disruption budget to the app pods', () => {
    const podLabels = byKind('Deployment').spec.template.metadata.labels;
    const portNames = byKind('Deployment').spec.template.spec.containers[0].ports.map((p: Manifest) => p.name);
    const service = byKind('Service');
    expect(matches(service.spec.selector, podLabels)).toBe(true);
    for (const p of service.spec.ports) expect(portNames).toContain(p.targetPort);
    const backend = byKind('Ingress').spec.rules[0].http.paths[0].backend.service;
    expect(backend.name).toBe(service.metadata.name);
    expect(service.spec.ports.map((p: Manifest) => p.name)).toContain(backend.port.name);
    const pdb = byKind('PodDisruptionBudget');
    expect(matches(pdb.spec.selector.matchLabels, podLabels)).toBe(true);
    expect(pdb.spec.minAvailable).toBeLessThan(byKind('Deployment').spec.replicas);
  });

  it('migrate in a Job that runs `panelist migrate` and does not restart forever', () => {
    const job = byKind('Job');
    expect(job.spec.template.spec.containers[0].command).toEqual(['node', 'bin/panelist.mjs', 'migrate']);
    expect(['OnFailure', 'Never']).toContain(job.spec.template.spec.restartPolicy);
    expect(job.spec.backoffLimit).toBeGreaterThan(0);
  });
});

describe('compose, nginx and the Dockerfile', () => {
  const compose = parse(readFileSync(path.join(root, 'deploy/compose.yaml'), 'utf8'), { merge: true }) as Manifest;
  const nginx = readFileSync(path.join(root, 'deploy/nginx/panelist.conf'), 'utf8');
  const dockerfile = readFileSync(path.join(root, 'Dockerfile'), 'utf8');

  it('run two app instances on one PostgreSQL behind nginx, which proxies WebSockets to both', () => {
    const apps = Object.keys(compose.services).filter((name) => /^app\d$/.test(name));
    expect(apps).toHaveLength(2);
    for (const name of apps) {
      const env = compose.services[name].environment;
      expect(env.DATABASE_URL).toContain('@postgres:5432/');
      expect(env.TRUST_PROXY).toBe('true');
      expect(env.STORAGE_DIR).toBe('/files');
      for (const key of Object.keys(env)) expect(knownEnv.has(key), key).toBe(true);
      expect(nginx).toContain(`server ${name}:3000`);
    }
    expect(compose.services.postgres.image).toMatch(/^postgres:/);
    expect(compose.services.migrate.command).toEqual(['node', 'bin/panelist.mjs', 'migrate']);
    expect(nginx).toMatch(
      /location = \/api\/v1\/ws[\s\S]*?proxy_set_header Upgrade \$http_upgrade;[\s\S]*?proxy_set_header Connection \$connection_upgrade;/,
    );
  });

  it('builds the web app in one stage and runs as a non-root user with a health check', () => {
    expect(dockerfile.match(/^FROM /gm)).toHaveLength(2);
    expect(dockerfile).toMatch(/vite build/);
    expect(dockerfile).toMatch(/COPY --from=build \/app\/dist\/web/);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^HEALTHCHECK [\s\S]*\/readyz/m);
    expect(dockerfile).toMatch(/npm ci --omit=dev/);
  });
});
