using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Preau.Platform.Tenancy;
using static Preau.Platform.Localization.Text;

namespace Preau.FamilyServices.Menus;

/// <summary>The parts of a school meal (and the after-school snack).</summary>
internal enum Course
{
    /// <summary>Entrée.</summary>
    Starter,

    /// <summary>Plat principal.</summary>
    Main,

    /// <summary>Accompagnement.</summary>
    Side,

    /// <summary>Produit laitier.</summary>
    Dairy,

    /// <summary>Dessert.</summary>
    Dessert,

    /// <summary>Goûter.</summary>
    Snack,
}

/// <summary>Quality labels of a dish (loi EGalim, art. L230-5-1 du Code rural: sustainable and organic products in school catering).</summary>
[Flags]
internal enum DishLabel
{
    None = 0,

    /// <summary>Issu de l’agriculture biologique.</summary>
    Organic = 1 << 0,

    /// <summary>Produit local (circuit court).</summary>
    Local = 1 << 1,

    /// <summary>Végétarien.</summary>
    Vegetarian = 1 << 2,

    /// <summary>Fait maison.</summary>
    Homemade = 1 << 3,

    /// <summary>Poisson (pêche durable).</summary>
    Fish = 1 << 4,

    /// <summary>Label rouge.</summary>
    LabelRouge = 1 << 5,

    /// <summary>AOP / AOC / IGP.</summary>
    Origin = 1 << 6,

    /// <summary>Produit de saison.</summary>
    Seasonal = 1 << 7,
}

internal enum MenuStatus
{
    /// <summary>Brouillon : visible des agents seulement.</summary>
    Draft,

    /// <summary>Publié aux familles.</summary>
    Published,
}

/// <summary>French names and codes of courses and labels.</summary>
internal static class MenuNames
{
    public const DishLabel AllLabels = (DishLabel)((1 << 8) - 1);

    public static IReadOnlyList<Course> Courses { get; } = Enum.GetValues<Course>();

    public static IReadOnlyList<DishLabel> Labels { get; } = Enum.GetValues<DishLabel>().Where(l => l != DishLabel.None).ToList();

    public static string Of(Course course) => course switch
    {
        Course.Starter => Fr("Entrée"),
        Course.Main => Fr("Plat"),
        Course.Side => Fr("Accompagnement"),
        Course.Dairy => Fr("Produit laitier"),
        Course.Dessert => Fr("Dessert"),
        Course.Snack => Fr("Goûter"),
        _ => course.ToString(),
    };

    public static string Of(DishLabel label) => label switch
    {
        DishLabel.Organic => Fr("Bio"),
        DishLabel.Local => Fr("Local"),
        DishLabel.Vegetarian => Fr("Végétarien"),
        DishLabel.Homemade => Fr("Fait maison"),
        DishLabel.Fish => Fr("Pêche durable"),
        DishLabel.LabelRouge => Fr("Label rouge"),
        DishLabel.Origin => Fr("AOP / IGP"),
        DishLabel.Seasonal => Fr("De saison"),
        _ => label.ToString(),
    };

    /// <summary>The API's code of a label.</summary>
    public static string Code(DishLabel label) => label switch
    {
        DishLabel.Organic => "bio",
        DishLabel.Local => "local",
        DishLabel.Vegetarian => "vegetarien",
        DishLabel.Homemade => "fait-maison",
        DishLabel.Fish => "peche-durable",
        DishLabel.LabelRouge => "label-rouge",
        DishLabel.Origin => "aop-igp",
        DishLabel.Seasonal => "saison",
        _ => label.ToString().ToLowerInvariant(),
    };

    public static string Code(Course course) => course switch
    {
        Course.Starter => "entree",
        Course.Main => "plat",
        Course.Side => "accompagnement",
        Course.Dairy => "laitage",
        Course.Dessert => "dessert",
        Course.Snack => "gouter",
        _ => course.ToString().ToLowerInvariant(),
    };

    public static IReadOnlyList<DishLabel> Split(DishLabel set) => Labels.Where(l => (set & l) == l).ToList();

    /// <summary>The Monday of the ISO week that holds the day.</summary>
    public static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}

/// <summary>
/// The canteen's menu of one week for one school, or for the schools a central kitchen serves: dishes
/// per day with their allergens and labels. Drafts are seen by the town's agents only; published menus
/// by the schools' families and staff, and by anyone through the public API.
/// </summary>
internal sealed class MenuWeek : ITerritoryOwned
{
    public const int MaxDishes = 60;
    public const int MaxSchools = 500;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TerritoryId { get; init; }

    /// <summary>The Monday of the week.</summary>
    public DateOnly WeekStart { get; set; }

    /// <summary>Who cooks it: a school's name or a central kitchen's ("Cuisine centrale de Valmont").</summary>
    public required string Kitchen { get; set; }

    public MenuStatus Status { get; private set; }

    public DateTime? PublishedAt { get; private set; }

    public Guid? PublishedBy { get; private set; }

    public List<MenuSchool> Schools { get; set; } = [];

    public List<MenuDish> Dishes { get; set; } = [];

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public bool IsPublished => Status == MenuStatus.Published;

    public IEnumerable<DateOnly> Days => Enumerable.Range(0, 5).Select(WeekStart.AddDays);

    public void Publish(Guid agentId, DateTime at)
    {
        Status = MenuStatus.Published;
        PublishedAt = at;
        PublishedBy = agentId;
        ConcurrencyStamp = Guid.NewGuid();
    }

    public void Unpublish()
    {
        Status = MenuStatus.Draft;
        ConcurrencyStamp = Guid.NewGuid();
    }

    /// <summary>Replaces one day's dishes.</summary>
    public void SetDay(DateOnly day, IEnumerable<MenuDish> dishes)
    {
        Dishes.RemoveAll(d => d.Day == day);
        Dishes.AddRange(dishes);
        ConcurrencyStamp = Guid.NewGuid();
    }

    internal static void Configure(EntityTypeBuilder<MenuWeek> e)
    {
        e.ToTable("menu_weeks");
        e.Property(x => x.Kitchen).HasMaxLength(200);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.ConcurrencyStamp).IsConcurrencyToken();
        e.HasIndex(x => x.WeekStart);
        e.HasMany(x => x.Schools).WithOne().HasForeignKey(x => x.MenuWeekId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Dishes).WithOne().HasForeignKey(x => x.MenuWeekId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>A school served by a week's menu (denormalised week and state: the home page and the API find a school's menu with one indexed lookup).</summary>
internal sealed class MenuSchool : ITerritoryOwned
{
    public long Id { get; init; }

    public Guid TerritoryId { get; init; }

    public Guid MenuWeekId { get; init; }

    public Guid SchoolId { get; init; }

    public DateOnly WeekStart { get; set; }

    internal static void Configure(EntityTypeBuilder<MenuSchool> e)
    {
        e.ToTable("menu_week_schools");
        e.HasIndex(x => new { x.SchoolId, x.WeekStart });
        e.HasIndex(x => new { x.MenuWeekId, x.SchoolId }).IsUnique();
    }
}

/// <summary>One dish of one day, with the allergens it contains and its labels.</summary>
internal sealed class MenuDish : ITerritoryOwned
{
    public const int MaxNameLength = 150;

    public long Id { get; init; }

    public Guid TerritoryId { get; init; }

    public Guid MenuWeekId { get; init; }

    public DateOnly Day { get; init; }

    public Course Course { get; init; }

    public int Position { get; init; }

    public required string Name { get; init; }

    public Allergen Allergens { get; init; }

    public DishLabel Labels { get; init; }

    internal static void Configure(EntityTypeBuilder<MenuDish> e)
    {
        e.ToTable("menu_dishes");
        e.Property(x => x.Course).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Name).HasMaxLength(MaxNameLength);
        // Sets of flags are kept as their bits: matching a child's allergies is a bitwise AND.
        e.Property(x => x.Allergens).HasConversion<int>();
        e.Property(x => x.Labels).HasConversion<int>();
        e.HasIndex(x => new { x.MenuWeekId, x.Day });
    }
}
