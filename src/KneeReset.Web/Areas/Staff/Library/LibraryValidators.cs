using System.Text.RegularExpressions;
using FluentValidation;
using KneeReset.Web.Library;

namespace KneeReset.Web.Areas.Staff.Library;

/// <summary>The library's words, as the vocabulary and content/README.md define them.</summary>
public static class LibraryWords
{
    public static readonly string[] BodyAreas = ["hips", "glutes", "quads", "hamstrings", "calves", "ankles", "feet", "core"];
    public static readonly string[] Kinds = ["mobility", "strength", "eccentric", "activation", "stretch"];
    /// <summary>The only kinds a gentle routine (for runners waiting to see a clinician) may hold.</summary>
    public static readonly IReadOnlySet<string> GentleKinds = new HashSet<string>(StringComparer.Ordinal) { "mobility", "stretch" };
    public static readonly string[] Causes = ["runners_knee", "it_band", "tendon_overload", "form_mechanics"];
    public static readonly string[] Phases = ["post_run_reset", "warm_up", "recovery", "strengthen", "prevent", "gentle_range"];
    public static readonly string[] Findings = ["knee_caves", "tight_hip_flexors", "limited_ankle_dorsiflexion", "form", "tendon_load"];
    public static readonly string[] Difficulties = ["easy", "moderate", "hard"];
    public static readonly string[] Statuses = ["draft", "published", "archived"];
}

public static partial class SlugRule
{
    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    public static partial Regex Pattern();

    public static IRuleBuilderOptions<T, string> ValidSlug<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().WithMessage("Give it a short web name (slug), like \"glute-bridge\".")
            .MaximumLength(80).WithMessage("Keep the slug under 80 characters.")
            .Matches(Pattern()).WithMessage("The slug may use only lower-case letters, digits and single hyphens, like \"glute-bridge\".");
}

/// <summary>An exercise as staff write it; the same rules check imported files.</summary>
public sealed class ExerciseFileValidator : AbstractValidator<ExerciseFile>
{
    public ExerciseFileValidator()
    {
        RuleFor(x => x.Slug).ValidSlug();
        RuleFor(x => x.Name).NotEmpty().WithMessage("Give the exercise a name.").MaximumLength(120).WithMessage("Keep the name under 120 characters.");
        RuleFor(x => x.Purpose).NotEmpty().WithMessage("Say in a sentence or two what the exercise is for.").MaximumLength(1000).WithMessage("Keep the purpose under 1000 characters.");
        RuleFor(x => x.Kind).Must(k => LibraryWords.Kinds.Contains(k)).WithMessage($"Choose the kind: {string.Join(", ", LibraryWords.Kinds)}.");
        RuleFor(x => x.BodyAreas).NotEmpty().WithMessage("Tick at least one body area.")
            .Must(a => a.All(LibraryWords.BodyAreas.Contains)).WithMessage($"Body areas are: {string.Join(", ", LibraryWords.BodyAreas)}.");
        RuleFor(x => x.Instructions).NotEmpty().WithMessage("Write at least one instruction step.")
            .Must(i => i.Count <= 12).WithMessage("Keep it to 12 instruction steps or fewer.");
        RuleForEach(x => x.Instructions.Concat(x.Cues).Concat(x.CommonMistakes)).MaximumLength(500).WithMessage("Keep each line under 500 characters.")
            .OverridePropertyName("Instructions");
        RuleFor(x => x.Status).Must(s => LibraryWords.Statuses.Contains(s)).WithMessage("Choose draft, published or archived.");
        RuleFor(x => x.Harder).NotEqual(x => x.Slug).WithMessage("An exercise can't be its own harder variation.");
        RuleFor(x => x.Easier).NotEqual(x => x.Slug).WithMessage("An exercise can't be its own easier variation.");
    }
}

/// <summary>A routine as staff write it; the same rules check imported files.</summary>
public sealed class RoutineFileValidator : AbstractValidator<RoutineFile>
{
    /// <param name="kindOf">The kind of each known exercise by slug, to check that steps name real exercises.</param>
    public RoutineFileValidator(IReadOnlyDictionary<string, string> kindOf)
    {
        RuleFor(x => x.Slug).ValidSlug();
        RuleFor(x => x.Title).NotEmpty().WithMessage("Give the routine a title.").MaximumLength(120).WithMessage("Keep the title under 120 characters.");
        RuleFor(x => x.Summary).NotEmpty().WithMessage("Write a short summary for runners.").MaximumLength(1000).WithMessage("Keep the summary under 1000 characters.");
        RuleFor(x => x.WhenToDo).NotEmpty().WithMessage("Say when and how often to do it.").MaximumLength(500).WithMessage("Keep this under 500 characters.");
        RuleFor(x => x.Phase).Must(p => LibraryWords.Phases.Contains(p)).WithMessage($"Choose the phase: {string.Join(", ", LibraryWords.Phases)}.");
        RuleFor(x => x.Difficulty).Must(d => LibraryWords.Difficulties.Contains(d)).WithMessage("Choose easy, moderate or hard.");
        RuleFor(x => x.Causes).Must(c => c.All(LibraryWords.Causes.Contains)).WithMessage("Unknown cause.");
        RuleFor(x => x.Findings).Must(f => f.All(LibraryWords.Findings.Contains)).WithMessage("Unknown finding.");
        RuleFor(x => x.PainRule).MaximumLength(500).WithMessage("Keep the pain rule under 500 characters.");
        RuleFor(x => x.Status).Must(s => LibraryWords.Statuses.Contains(s)).WithMessage("Choose draft, published or archived.");
        RuleFor(x => x.Steps).NotEmpty().When(x => x.Status == "published").WithMessage("A published routine needs at least one step.");
        RuleFor(x => x.Steps).Must(s => s.Count <= 30).WithMessage("Keep a routine to 30 steps or fewer.");
        RuleFor(x => x).Must(x => !x.Gentle || x.Steps.All(s => LibraryWords.GentleKinds.Contains(kindOf.GetValueOrDefault(s.Exercise) ?? "")))
            .WithMessage("A gentle routine (for runners waiting to see a clinician) may hold only mobility or stretch exercises.")
            .OverridePropertyName("Gentle");
        RuleForEach(x => x.Steps).ChildRules(step =>
        {
            step.RuleFor(s => s.Exercise).Must(kindOf.ContainsKey).WithMessage(s => $"Step names an exercise that doesn't exist: '{s.Exercise}'.");
            step.RuleFor(s => s.Sets).InclusiveBetween(1, 10).WithMessage("Sets must be from 1 to 10.");
            step.RuleFor(s => s).Must(s => (s.Reps is null) != (s.HoldSeconds is null))
                .WithMessage("Give either reps or a hold in seconds (not both).").OverridePropertyName("Reps");
            step.RuleFor(s => s.Reps).InclusiveBetween(1, 100).When(s => s.Reps is not null).WithMessage("Reps must be from 1 to 100.");
            step.RuleFor(s => s.HoldSeconds).InclusiveBetween(1, 600).When(s => s.HoldSeconds is not null).WithMessage("A hold must be from 1 to 600 seconds.");
            step.RuleFor(s => s.RestSeconds).InclusiveBetween(0, 600).WithMessage("Rest must be from 0 to 600 seconds.");
            step.RuleFor(s => s.Tempo).MaximumLength(40).WithMessage("Keep the tempo short, like \"3-4 s lowering\".");
            step.RuleFor(s => s.Note).MaximumLength(300).WithMessage("Keep the note under 300 characters.");
        });
    }
}
