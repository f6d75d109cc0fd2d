using Kith.Core.Platform.Accounts;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Kith.Web.People.MyView;

/// <summary>Lifetime and name of invitation tokens (seven days, longer than a password reset's 24 hours).</summary>
public sealed class InvitationTokenProviderOptions : DataProtectionTokenProviderOptions;

/// <summary>Signed, time-limited invitation tokens tied to the account's security stamp; nothing is stored.</summary>
public sealed class InvitationTokenProvider(
    IDataProtectionProvider dataProtectionProvider,
    IOptions<InvitationTokenProviderOptions> options,
    ILogger<DataProtectorTokenProvider<KithUser>> logger)
    : DataProtectorTokenProvider<KithUser>(dataProtectionProvider, options, logger);
