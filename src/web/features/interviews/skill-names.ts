/**
 * Readable names for skill ids ("postgresql", "ci-cd", "event-driven-architecture"). The server
 * names skills only in reports (skillCoverage); elsewhere the web app has just the id, so it
 * title-cases it, keeping the usual spelling of acronyms and product names.
 */

/** Whole ids whose usual spelling title-casing cannot guess. */
const wholeIds: Record<string, string> = {
  cpp: 'C++',
  csharp: 'C#',
  fsharp: 'F#',
  dotnet: '.NET',
  aspnet: 'ASP.NET',
  vue: 'Vue.js',
  d3: 'D3.js',
  'ci-cd': 'CI/CD',
  'ab-testing': 'A/B Testing',
  'e2e-testing': 'End-to-End Testing',
  'e-commerce': 'E-commerce',
  'scikit-learn': 'scikit-learn',
  'ruby-on-rails': 'Ruby on Rails',
  'infrastructure-as-code': 'Infrastructure as Code',
  rest: 'REST APIs',
  gcp: 'Google Cloud',
  llms: 'LLMs',
  okrs: 'OKRs',
  ios: 'iOS',
  iot: 'IoT',
  'objective-c': 'Objective-C',
  'oracle-db': 'Oracle Database',
  'real-time': 'Real-time',
  'offline-first': 'Offline-first',
  'micro-frontends': 'Micro-frontends',
  'self-awareness': 'Self-awareness',
  'self-presentation': 'Self-presentation',
  'cross-cultural-communication': 'Cross-cultural Communication',
};

/** Single words with a fixed spelling, wherever they appear in an id. */
const words: Record<string, string> = {
  adtech: 'Ad Tech',
  ai: 'AI',
  aks: 'AKS',
  api: 'API',
  apis: 'APIs',
  argocd: 'Argo CD',
  aws: 'AWS',
  bdd: 'BDD',
  bi: 'BI',
  bigquery: 'BigQuery',
  cd: 'CD',
  cdn: 'CDN',
  ci: 'CI',
  circleci: 'CircleCI',
  clickhouse: 'ClickHouse',
  cloudformation: 'CloudFormation',
  cobol: 'COBOL',
  cockroachdb: 'CockroachDB',
  crm: 'CRM',
  css: 'CSS',
  devops: 'DevOps',
  devsecops: 'DevSecOps',
  digitalocean: 'DigitalOcean',
  dns: 'DNS',
  dynamodb: 'DynamoDB',
  ec2: 'EC2',
  ecs: 'ECS',
  edtech: 'EdTech',
  eks: 'EKS',
  erp: 'ERP',
  etl: 'ETL',
  fastapi: 'FastAPI',
  gitops: 'GitOps',
  github: 'GitHub',
  gitlab: 'GitLab',
  gke: 'GKE',
  graphql: 'GraphQL',
  grpc: 'gRPC',
  html: 'HTML',
  http: 'HTTP',
  iam: 'IAM',
  influxdb: 'InfluxDB',
  intellij: 'IntelliJ',
  itil: 'ITIL',
  javascript: 'JavaScript',
  jquery: 'jQuery',
  junit: 'JUnit',
  jvm: 'JVM',
  jwt: 'JWT',
  mariadb: 'MariaDB',
  matlab: 'MATLAB',
  ml: 'ML',
  mlops: 'MLOps',
  mongodb: 'MongoDB',
  mysql: 'MySQL',
  nats: 'NATS',
  nestjs: 'NestJS',
  nextjs: 'Next.js',
  nginx: 'NGINX',
  nlp: 'NLP',
  nodejs: 'Node.js',
  nosql: 'NoSQL',
  npm: 'npm',
  numpy: 'NumPy',
  oauth: 'OAuth',
  ocaml: 'OCaml',
  openstack: 'OpenStack',
  orm: 'ORM',
  php: 'PHP',
  postgresql: 'PostgreSQL',
  powershell: 'PowerShell',
  pwa: 'PWA',
  pytest: 'pytest',
  pytorch: 'PyTorch',
  rabbitmq: 'RabbitMQ',
  rxjs: 'RxJS',
  s3: 'S3',
  saas: 'SaaS',
  sagemaker: 'SageMaker',
  siem: 'SIEM',
  solid: 'SOLID',
  solidjs: 'SolidJS',
  sql: 'SQL',
  sqlalchemy: 'SQLAlchemy',
  sqlite: 'SQLite',
  sqs: 'SQS',
  swiftui: 'SwiftUI',
  tdd: 'TDD',
  tensorflow: 'TensorFlow',
  threejs: 'Three.js',
  tls: 'TLS',
  typeorm: 'TypeORM',
  typescript: 'TypeScript',
  ui: 'UI',
  ux: 'UX',
  vba: 'VBA',
  vscode: 'VS Code',
  webassembly: 'WebAssembly',
  webgl: 'WebGL',
  websockets: 'WebSockets',
};

/** Short joining words stay lower-case inside a name ("Infrastructure as Code"). */
const minor = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'in', 'of', 'on', 'or', 'the', 'to', 'vs']);

/** Words that join the one before with a hyphen ("Event-Driven", "Object-Oriented"). */
const hyphenated = new Set(['driven', 'oriented', 'based']);

/** "postgresql" → "PostgreSQL", "event-driven-architecture" → "Event-Driven Architecture". */
export function skillName(id: string): string {
  const known = wholeIds[id];
  if (known) return known;
  const parts = id
    .toLowerCase()
    .split(/[-_\s]+/)
    .filter(Boolean)
    .map((w, i) => ({ w, text: words[w] ?? (i > 0 && minor.has(w) ? w : w.charAt(0).toUpperCase() + w.slice(1)) }));
  return parts.map(({ w, text }, i) => (i === 0 ? text : `${hyphenated.has(w) ? '-' : ' '}${text}`)).join('');
}

/** Names for ids, preferring the server's (from a report's skillCoverage) over guessed ones. */
export function skillNames(ids: readonly string[], known?: ReadonlyMap<string, string>): string[] {
  return [...new Set(ids)].map((id) => known?.get(id) ?? skillName(id));
}
