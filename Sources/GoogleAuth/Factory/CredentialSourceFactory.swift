import Foundation

/// Builds a ``CredentialSource`` from configuration values, resolved later with a ``CredentialContext`` (soto's
/// `CredentialProviderFactory` shape).
///
/// ```swift
/// let source = try await CredentialSourceFactory.serviceAccount(file: "/etc/switchyard/sa.json")
///     .makeSource(context: CredentialContext(transport: transport, environment: .process))
/// ```
public struct CredentialSourceFactory: Sendable {
    private let make: @Sendable (CredentialContext) async throws -> any CredentialSource

    /// A factory from a closure.
    public static func custom(_ make: @escaping @Sendable (CredentialContext) async throws -> any CredentialSource) -> Self {
        CredentialSourceFactory(make: make)
    }

    /// Builds the source.
    /// - Throws: ``GoogleAuthError`` when the configuration names no usable credential.
    public func makeSource(context: CredentialContext) async throws -> any CredentialSource {
        try await make(context)
    }

    /// An API key (AI Studio, Vertex express mode), sent as `x-goog-api-key`.
    public static func apiKey(_ key: String, quotaProject: String? = nil) -> Self {
        .custom { _ in try APIKeyCredentialSource(key: key, quotaProject: quotaProject) }
    }

    /// A service-account key file.
    /// - Parameters:
    ///   - file: The key file's path.
    ///   - scopes: The scopes to ask for; `cloud-platform` by default.
    ///   - mode: Token exchange (default) or a self-signed JWT.
    ///   - quotaProject: `x-goog-user-project`; else `GOOGLE_CLOUD_QUOTA_PROJECT` from the context's environment.
    public static func serviceAccount(
        file: String,
        scopes: [String] = [ServiceAccountKey.cloudPlatformScope],
        mode: ServiceAccountMode = .tokenExchange,
        quotaProject: String? = nil
    ) -> Self {
        .custom { context in
            let key = try ServiceAccountKey(contentsOfFile: file)
            return makeServiceAccountSource(key: key, scopes: scopes, mode: mode, quotaProject: quotaProject, context: context)
        }
    }

    /// A service-account key handed over in memory (e.g. from a secret store).
    public static func serviceAccount(
        json: Data,
        scopes: [String] = [ServiceAccountKey.cloudPlatformScope],
        mode: ServiceAccountMode = .tokenExchange,
        quotaProject: String? = nil
    ) -> Self {
        .custom { context in
            let key = try ServiceAccountKey(json: json)
            return makeServiceAccountSource(key: key, scopes: scopes, mode: mode, quotaProject: quotaProject, context: context)
        }
    }

    /// A credentials file of any supported type (`service_account` or `authorized_user`), chosen by its `type` field.
    public static func credentialsFile(
        _ path: String,
        scopes: [String] = [ServiceAccountKey.cloudPlatformScope],
        quotaProject: String? = nil
    ) -> Self {
        .custom { context in
            makeSource(file: try CredentialFile.load(path: path), scopes: scopes, quotaProject: quotaProject, context: context)
        }
    }

    /// Application Default Credentials, in Google's order: `GOOGLE_APPLICATION_CREDENTIALS`, then the gcloud ADC file,
    /// then the metadata server; one error listing every place tried when none answers.
    /// - Parameters:
    ///   - scopes: The scopes to ask for; `cloud-platform` by default.
    ///   - quotaProject: `x-goog-user-project`; else `GOOGLE_CLOUD_QUOTA_PROJECT`; else the file's `quota_project_id`.
    public static func applicationDefault(
        scopes: [String] = [ServiceAccountKey.cloudPlatformScope],
        quotaProject: String? = nil
    ) -> Self {
        .custom { context in
            try await ApplicationDefaultCredentials.resolve(scopes: scopes, quotaProject: quotaProject, context: context)
        }
    }

    static func makeServiceAccountSource(
        key: ServiceAccountKey,
        scopes: [String],
        mode: ServiceAccountMode,
        quotaProject: String?,
        context: CredentialContext
    ) -> TokenCredentialSource {
        let fetcher: any AccessTokenFetcher
        let label = AuthMetrics.label(forAccount: key.clientEmail)
        switch mode {
        case .tokenExchange:
            let metrics = AuthMetrics(credential: label, kind: "service_account", factory: context.metricsFactory)
            fetcher = ServiceAccountGrantFetcher(
                key: key,
                scopes: scopes,
                subject: nil,
                endpoint: context.tokenEndpoint,
                clock: context.clock,
                metrics: metrics
            )
            return TokenCredentialSource(
                fetcher: fetcher,
                quotaProject: context.quotaProject(explicit: quotaProject, fromCredential: nil),
                clock: context.clock,
                metrics: metrics
            )
        case .selfSignedJWT(let audience):
            let metrics = AuthMetrics(credential: label, kind: "service_account_jwt", factory: context.metricsFactory)
            fetcher = SelfSignedJWTFetcher(key: key, audience: audience, clock: context.clock, metrics: metrics)
            return TokenCredentialSource(
                fetcher: fetcher,
                quotaProject: context.quotaProject(explicit: quotaProject, fromCredential: nil),
                clock: context.clock,
                metrics: metrics
            )
        }
    }

    static func makeSource(
        file: CredentialFile,
        scopes: [String],
        quotaProject: String?,
        context: CredentialContext
    ) -> TokenCredentialSource {
        switch file {
        case .serviceAccount(let key):
            return makeServiceAccountSource(key: key, scopes: scopes, mode: .tokenExchange, quotaProject: quotaProject, context: context)
        case .authorizedUser(let credentials):
            let fetcher = AuthorizedUserFetcher(credentials: credentials, endpoint: context.tokenEndpoint)
            let metrics = AuthMetrics(credential: fetcher.credentialLabel, kind: fetcher.kind, factory: context.metricsFactory)
            return TokenCredentialSource(
                fetcher: fetcher,
                quotaProject: context.quotaProject(explicit: quotaProject, fromCredential: credentials.quotaProjectID),
                clock: context.clock,
                metrics: metrics
            )
        }
    }
}
