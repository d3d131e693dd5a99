@_exported import GoogleAuth
@_exported import SwitchyardConfig
@_exported import SwitchyardCore
@_exported import SwitchyardHTTP
@_exported import SwitchyardProviders
@_exported import SwitchyardRouter
