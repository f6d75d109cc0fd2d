using System.ComponentModel.DataAnnotations;
using Kith.Core.Platform.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Kith.Web.Pages.Account;

/// <summary>The second step of signing in: a code from the authenticator app.</summary>
public class TwoFactorModel(SignInManager<KithUser> signIn, UserManager<KithUser> users) : SecondStepPageModel(signIn, users)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the 6-digit code from your authenticator app")]
        [RegularExpression(@"^\s*\d{3}[\s-]?\d{3}\s*$", ErrorMessage = "The code must be 6 digits, like 123456")]
        public string? Code { get; set; }
    }

    protected override string WrongCodeMessage => "The code is not right. Enter the 6-digit code your authenticator app shows now";

    protected override Task<Microsoft.AspNetCore.Identity.SignInResult> SignInWithCodeAsync() =>
        SignInManager.TwoFactorAuthenticatorSignInAsync(AccountService.NormaliseCode(Input.Code), isPersistent: false, rememberClient: false);
}
