export interface InfraUrls {
  kafkaBrokers: string[];
  mongoUrl: string;
  /** Where they came from: the environment, testcontainers or the local infra/ scripts. */
  origin: 'environment' | 'testcontainers' | 'local';
}

declare module 'vitest' {
  export interface ProvidedContext {
    infra: InfraUrls;
  }
}
