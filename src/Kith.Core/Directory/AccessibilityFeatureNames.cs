namespace Kith.Core.Directory;

/// <summary>The one place accessibility features get their names in words, for pages, forms and search reasons.</summary>
public static class AccessibilityFeatureNames
{
    /// <summary>As a label or list item: "Step-free access", "Blue Badge parking".</summary>
    public static string Label(AccessibilityFeature feature) => Describe(feature).Label;

    /// <summary>Inside a sentence: "step-free access", but "Blue Badge parking" keeps its proper noun.</summary>
    public static string InSentence(AccessibilityFeature feature)
    {
        var (label, properNoun) = Describe(feature);
        return properNoun ? label : string.Concat(label[..1].ToLowerInvariant(), label[1..]);
    }

    private static (string Label, bool ProperNoun) Describe(AccessibilityFeature feature) => feature switch
    {
        AccessibilityFeature.StepFreeAccess => ("Step-free access", false),
        AccessibilityFeature.AccessibleToilet => ("Accessible toilet", false),
        AccessibilityFeature.HearingLoop => ("Hearing loop", false),
        AccessibilityFeature.BlueBadgeParking => ("Blue Badge parking", true),
        AccessibilityFeature.QuietSpace => ("Quiet space", false),
        AccessibilityFeature.ChangingPlaces => ("Changing Places toilet", true),
        AccessibilityFeature.BritishSignLanguage => ("British Sign Language", true),
        AccessibilityFeature.LargePrint => ("Large print", false),
        AccessibilityFeature.AssistanceDogsWelcome => ("Assistance dogs welcome", false),
        _ => (feature.ToString(), true),
    };
}
