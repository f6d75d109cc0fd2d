using System.ComponentModel.DataAnnotations;
using Kith.Core.Platform.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Kith.Web.Pages.Account;

/// <summary>The second step of signing in with a one-time recovery code instead of the app.</summary>
public class TwoFactorRecoveryModel(SignInManager<KithUser> signIn, UserManager<KithUser> users) : SecondStepPageModel(signIn, users)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter one of your recovery codes")]
        [StringLength(40, ErrorMessage = "A recovery code is shorter than that. Enter one of the codes you saved")]
        public string? Code { get; set; }
    }

    protected override string WrongCodeMessage => "That recovery code is not right or has been used. Enter another of your recovery codes";

    protected override Task<Microsoft.AspNetCore.Identity.SignInResult> SignInWithCodeAsync() =>
        SignInManager.TwoFactorRecoveryCodeSignInAsync(Input.Code!.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant());
}
