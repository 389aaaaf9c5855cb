export declare const MODEL_HOSTS: string[];
export declare const POLICY_DIRECTIVES: Record<string, string[]>;
export declare const ORIGIN_PATTERN: RegExp;
export declare function contentSecurityPolicy(extraOrigins?: string[]): string;
