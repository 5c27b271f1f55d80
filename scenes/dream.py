"""The dream: the whole text as one show, in its order, in a little over three minutes.

This is the default show: what `visuals render` and `visuals live` play when given nothing
else.  It is also meant to be read, and copied to start your own: a show is a list of cues
(a scene playing from one time to another, fading in through a transition), keys that move
parameters with the story, signals that keep them alive, post effects over the whole frame,
and loops where the recording sticks.

Times are in seconds.  A cue's `keys` run in the cue's own time (0 = its start); the show's
`tracks` run in show time.  When a cue overlaps the one before it, its `fade_in` is the
transition from that cue, drawn by the shader named in `transition`.
"""
from visuals import LFO, Cue, Loop, Noise, Show, Touch

# -- 0:00  "The air hums with a low, resonant frequency ... the sky is a kaleidoscope of
#          inverted colors -- violet suns, emerald moons"
# The night sky breathing with the hum, its colours already turned inside out (since round 28:
# half-way the turn read as a render bug): violet suns and emerald moons over the ranges.
the_sky = Cue(
    "sky", 0, 22, name="the hum and the inverted sky",
    keys={
        # "I am dreaming. You are dreaming.": seen between lids fallen shut, the dream opening
        # (round 11's reader: the 1.6 s still was 80 % black round a thin slit; the eyes open
        # generously at once, the dream filling most of the frame by 1.5 s)
        # (round 29's readers at 3.1 s, both: "the oval vignette ring is visible" -- the lids
        # are gone by 3 s, withdrawing as they open: sky.frag)
        # (round 32's readers at 0.6 s: "the bottom third / lower half an empty black void" --
        # the lids still hid the lake: they open from a third, gone by 2.4 s)
        # (round 34's readers at 1.9 s: "stock wallpaper", the lake's lower third empty -- a
        # dark near shore of rocks in silhouette, the sun's path broken into glints, in the
        # opening; it falls away before the kaleidoscope unfolds)
        "shore": [(0, 1.0), (5.2, 1.0), (6.2, 0.0, "in_out_sine")],
        "lids": [(0, 0.32), (1.2, 0.12, "out_sine"), (2.4, 0.0, "in_out_sine")],
        # (the inversion sweeps over the moon's close-up: violet and emerald by 9 s)
        # (round 28: half-way, the natural night's clouds stood as brown blotches round a dark
        # hole where the front had passed -- a render bug to a still's reader at 2-6 s: the
        # dream opens already inverted, the night dark and the bodies violet and emerald)
        "inversion": [(0, 1.0)],
        "segments": [(0, 6.0), (12, 6.0), (24, 8.0, "in_out_sine")],
        # (round 14's reader: 6, 12, 15 and 22 s "one set with the suns moved") three framings,
        # the camera moving between them: close on an emerald moon rising behind the ridge (the
        # pole off the frame, top left; the centre follows the moon up); then tilted up, the land
        # sunk out of view, the violet suns overhead round the pole's luminous heart; then wide,
        # the land in its ranges of haze, the pole where the constellations' dusk expects it
        # (round 22: "the kaleidoscope of inverted colours ABOVE the land, not a normal night
        # with a moon") the crown rises over the ranges: its great violet sun low behind the
        # peaks at the pole, lighting their crests, the rings of suns and emerald moons fanned
        # out above in crisp mirror symmetry, all of it standing in the lake; the camera rises
        # and pushes in (wide, the crown's upper half over the ranges, at 2-5 s; close, the
        # crown lifted whole over the peaks, at 7-9 s), then tilts up into it
        # (round 25's readers: "stock" -- and 6, 8, 10 s were one centred crown, pushed in: the
        # camera pans along the ranges instead, the crown drifting to the frame's left third,
        # cut by its edge, the lit ranges and the still lake opening on the right; tilted up,
        # the camera pushes on into the pole -- 12 and 14 s were one picture -- until the
        # mirrors let the bodies go, close by an emerald moon over the violet sun)
        # (round 27: 12.5 and 14.8 s again one picture, the sun centred -- the camera pushes on
        # past the sun, close on the near emerald moon, the sun's limb burning at the right edge)
        # (round 30's blind set: 18.9 and 22.0 s one picture, the sun over the ranges in the
        # lake -- in the closing wide shot the camera pushes in as the violet sun sets behind
        # the peaks, its limb lighting their crests, the emerald moon left over them)
        # (round 34's readers at 17.5 s: "a huge empty sky, mountains crammed at the bottom edge"
        # -- after the cut at 16.65 s the view is down on the land again, the sun and its moon on
        # the right third over the ranges and the lake; and 1.9 and 21.9 s were "near-identical":
        # the closing shot pushes in on the emerald moon over the peaks, the sun set behind them)
        "zoom": [(0, 0.85), (2.5, 0.85, "in_out_sine"), (9, 1.0, "in_out_sine"), (12.5, 1.2, "in_out_sine"),
                 (16, 2.1, "in_out_sine"), (16.75, 1.15, "in_out_sine"), (18.4, 1.05, "in_out_sine"),
                 (19.5, 0.9, "in_out_sine"), (21.5, 1.7, "in_out_sine"), (26, 1.8)],
        # (round 32's readers: "a stock synthwave postcard", the sun centred -- it rises on the
        # left third, the ranges and the lake open to the right, and pans on left by 9 s)
        "centre_x": [(0, -0.3), (2.5, -0.3, "in_out_sine"), (9, -0.58, "in_out_sine"), (12.5, 0.05, "in_out_sine"),
                     (16, 0.62, "in_out_sine"), (16.75, 0.25, "in_out_sine"),
                     (18.4, 0.2, "in_out_sine"), (19.5, -0.1, "in_out_sine"), (23.5, -0.62, "in_out_sine")],
        # (round 35: 0.7 and 4.5 s were one picture -- the rule this round, stills 4 s apart
        # different: the eyes open on the violet sun's crown breaking over the peaks, and it
        # rises clear of them as the lids withdraw)
        "centre_y": [(0, -0.095), (0.8, -0.095), (3.6, -0.035, "in_out_sine"), (9, 0.08, "in_out_sine"), (12.5, 0.18, "in_out_sine"),
                     (16, 0.14, "in_out_sine"), (16.75, 0.53, "in_out_sine"),
                     (18.4, 0.45, "in_out_sine"), (19.5, 0.34, "in_out_sine"), (23.5, 0.32, "in_out_sine")],
        # (round 32: the tilt up is done by 11.5 s, the ground below the frame for the whole
        # kaleidoscope -- its last pass then leaves the lake and the ranges out: sky.py)
        # (round 34's readers at 14.8 s: "a flat, empty planetarium clip-art frame, nothing to
        # anchor it", "two plain spheres on a starfield, no scale" -- as the kaleidoscope lets the
        # bodies go the view comes down a little: the peaks' dark crests stand along the frame's
        # foot under the close pair from 14 s, the lake still below the frame)
        "horizon": [(0, 0.0), (9, 0.0), (11.5, -0.7, "in_out_sine"), (13.0, -0.7), (14.0, -0.3, "in_out_sine"), (16.65, -0.3),
                    (16.75, -0.2, "in_out_sine"), (18.4, -0.15, "in_out_sine"), (19.5, 0.0, "in_out_sine")],
        "hum_depth": [(0, 0.75), (12, 0.4, "in_out_sine")],
        # (round 18's reader at 4.1 and 8.9 s: "the sky swirl looks like a smudge": over the
        # moon rising the clouds are faint, the dark sky, the moon and the sun's glow behind the
        # ranges carry the shot; they gather as the view tilts up to the suns)
        # (round 25's readers at 16.7 s: "a teal spiky mandala", "a Winamp visualiser" -- the
        # clouds stay a veil of fine threads as the view tilts up, never swelling into teal
        # blobs, and the pole's glowing heart goes out where the mirrors let the bodies go)
        # (round 28: tilted up, the great sun stands in the clouds' brightest heart, and there
        # they read as a teal spiky halo round it -- they thin to a faint veil as the view
        # leaves the land, the sun's own violet corona the light round it)
        # (round 29's readers at 3.1 and 7.3 s: "the sun's corona tendrils look like noise
        # smudges / teal tendrils" -- over the land the clouds are a breath, the violet sun's own
        # corona the light round it; they gather only as the kaleidoscope takes them up at 9 s)
        # (round 34: close on the pair at 14-16.6 s the clouds were still a hairy teal halo round
        # the sun -- they go out with the kaleidoscope, the night clean round the pair)
        "nebula_glow": [(0, 0.15), (8.4, 0.15), (9.6, 0.5, "in_out_sine"), (11.5, 0.2, "in_out_sine"),
                        (13.0, 0.2), (14.2, 0.0, "in_out_sine")],
        # (round 26's lead at 16.7 and 19 s: freed of the mirrors, the clouds were a faint ring of
        # greenish scribble with no subject, the bodies cut at the frame's edge -- the clouds go
        # out with the mirrors, the deep night left clean round one pair, the violet sun on the
        # right third, its emerald moon over it, the far large moon dropped out of the frame)
        # (round 27's readers at 2.1-14.8 s: "a symmetric screensaver mandala", "the suns and
        # moons flat clip-art stickers", "two moons overlap and merge" -- the crown is gone: the
        # bodies hang each once, few and at varied depths (sky.py OPENING_*), the great violet
        # sun at the pole, lit moons near and far; the kaleidoscope is the clouds')
        # (round 29's readers at 2.0 s: "a moon cut off at the left edge" -- the third, far moon
        # hung at the frame's edge as the camera panned: two moons, near and far)
        "moons": [(0, 2.0), (16.6, 2.0), (16.65, 1.0, "step")],
        "free_set": [(0, 1.0), (16.6, 1.0), (16.65, 0.0, "step")],
        # (round 21's reader: the sky's three stills were one set-up, terrain + moon + lake,
        # "not kaleidoscopic", "smudgy wisps"): tilted up, the suns flare and the sky snaps into
        # its mirrors -- the suns and moons repeated round the violet heart in crisp symmetry,
        # the wisps gone -- until the view comes down to the land again
        "mirror_bodies": [(0, 0.0)],
        # (round 26's readers at 16.7 s: "magenta smear noise" -- the filaments' threads stayed
        # with the clouds gone: they go out with the mirrors, back as the view widens to the land)
        # (round 27: close on the moon at 14.8 s the threads read as scratches: they thin out)
        "filaments": [(0, 0.5), (9, 0.5), (11, 0.35, "in_out_sine"), (14, 0.2, "in_out_sine"), (16.6, 0.2), (16.65, 0.0, "step"),
                      (18.4, 0.0), (19.5, 0.5, "in_out_sine")],
        # (and round 25's "stock" crown, 2-9 s: the pole's heart over the great sun only washed
        # the crown in lavender -- kept low, the sky between its bodies stays dark)
        # (round 27: with the bodies freed, the pole's heart read as a lens flare: out)
        "pole_glow": [(0, 0.0)],
        # (round 28's lead: "the text says a KALEIDOSCOPE of inverted colours and the film shows
        # none" -- 8 to 20 s were one picture, a violet sun and a moon in a starfield) as the view
        # tilts up, one shot of the sky itself seen through a kaleidoscope's mirrors: its clouds
        # broken into crystalline facets of violet and emerald, crisp seams of light, receding to
        # the pole, slowly turning; the lit sun and moon in front, unmirrored (kaleido.glsl)
        # (round 30's lead: "a sun with a ring of green pebbles and butterflies in black" -- the
        # gas drawn as its own fine threads, a lace rosette of twelve petals round the sun, thin
        # emerald crescents at its tips; round 30's readers: "an edge-detect contour filter with
        # hard cut-outs" -- the lobes filled with the folded gas's own glow, the threads a faint
        # filigree over it, the lobes melting into the stars, the crescents small and soft)
        # (round 32's readers: "a kaleidoscope of inverted colors" -- "not seen" by any reader:
        # it held 4 s of the sky's 22 -- it unfolds over the lake from 6.2 s, before the tilt up,
        # and holds to 13 s (pushed in further, its lobes swell into the teal blaze round 25 saw),
        # so the sky's middle picture is the kaleidoscope)
        "kaleido": [(0, 0.0), (6.2, 0.0), (7.4, 1.0, "in_out_sine"), (13.0, 1.0), (13.9, 0.0, "in_out_sine")],
        # (the exposure rises out of the dark, never black -- round 19's reader at 1.2 s: "muddy,
        # low-contrast, no focal point" -- and flares a little where the mirrors snap in and out;
        # round 25: at 1.7 the freed sun burst white, "a glaring lens-flare sun")
        "exposure": [(0, 0.8), (5, 1.0, "out_sine"),
                     (16.1, 1.0), (16.65, 1.2, "in_quad"), (17.4, 1.0, "out_sine")],
    },
    # (a few large violet suns and emerald moons, each drawn once, turning about the pole with
    # the sky, over the land; the clouds finer toward the pole)
    params={"rotation": 3.5, "hum_freq": 0.18, "quality": 0.74, "depth": 1.0, "suns": 2, "moons": 2,
            "land": 1.0, "teal": 0.0, "deep_stars": 0.6,
            "pole_glow": 1.0, "lake": 1.0, "lake_level": -0.12, "relief": 1.0,
            # (round 25's readers: "a dead empty band between the mountains and the reflection"
            # -- the water comes up to the ranges' foot, the crown mirrored whole under them)
            # (round 24's chips of glass read to round 25's two readers as "generic kaleidoscope
            # wallpaper", "garish, overfilled tiling": since round 28 `kaleido` is the sky's own
            # clouds in mirrored facets, keyed above for one shot)
            # (where along the ranges the view stands: chosen when the dusk crossed into the
            # constellations' land; they float over a sea of cloud since round 24)
            "land_offset": -0.68},    # (4 nebula octaves, not 5: cheaper, alike)
)

# -- 0:22  "constellations that rearrange themselves into hieroglyphs of forgotten languages"
constellations = Cue(
    "constellations", 22, 50, name="hieroglyph constellations",
    # (round 34's readers at 22.7 s, a 2 for the third draw running: "washed-out milky haze,
    # embossed halo edges on the mountains, no focal contrast" -- the breath's veil and its
    # ring of blur over the sky's last frames: a cut instead, from the emerald moon over the
    # peaks to the glyphs over the cloud sea, both frames keeping their true blacks; and the
    # sky's last pass no longer drawn under the transition: 22-23.5 s cost one scene, not two)
    # (round 18's reader at 22.7 s: "a mostly empty black frame, a broken render" -- the dusk put
    # out the land and the lake before the signs came up.  Now the suns flare: the sky swells in
    # their violet light, and out of it the signs settle over the same land and lake, which both
    # scenes lay in the same place -- the picture held throughout, never a double exposure)
    # (round 33's readers at 22.9 s: "washed out, milky, blacks lifted to grey" -- the breath's
    # veil; the suns flare instead, the breath's gasp: light floods out from the sun and the
    # picture burns out into it, the frame's edges keeping their darks)
    # words, not single signs: three signs of a script nobody can read (no cartouche, no
    # Egyptian pictures: round 12's reader; carved signs with rings, bars and hooks, not a
    # Latin-looking cursive), along an arc, each word placed anew in the sky; each word's stars fly straight
    # into the next word; the sky goes down into them through the dusk, its darks first and
    # its lights last (the mist's smoke read murky at 23 s)
    # (round 21's readers: the pale lilac inverted night -- round 12's answer to "the colours
    # NOT inverted" -- read as "pastel haze", "a stock purple mountain lake": since round 22 the
    # whole cue is a dark night, the inversion left to the sky's violet suns and emerald moons)
    # (round 21's reader: three near-identical stills of the word over the ranges) a second
    # set-up: as the third word lands (13.33 s: the cycle's boundary, every star at rest) the
    # film cuts to the second camera, and there ONE sign, large, fills the sky, its stars
    # flying into each next sign
    # (round 24's readers: "the same purple mountain lake behind seven stills" -- the sky's
    # set) you float above a sea of cloud at night: its domes backlit by the emerald moon
    # rising out of the far deck, the glass city's glow breathing up through a gap; the wide
    # camera high over the deck, the close one skimming its domes, turned toward the moon
    keys={"signs": [(0, 3.0), (13.31, 3.0), (13.32, 1.0)],
          # (round 28's readers: the four stills "one set, only the glyph differs") four shots,
          # cut where every star is at rest: the wide view over the deck; low over the domes
          # toward the moon; looking up at the lone sign overhead; high over a gap onto the city
          "view": [(0, 0.0), (6.66, 0.0), (6.67, 2.0), (13.31, 2.0), (13.32, 3.0), (19.99, 3.0),
                   (20.0, 4.0)],
          # (the close camera's lone signs go on past the words' six pictures -- the ankh, the
          # scarab (since round 29: the reed read as "a random squiggle"), the open hand;
          # round 25's readers took the water's three zigzags for "the Aquarius sign", so the
          # close camera starts one sign later and never shows it)
          "glyph": [(0, 0.0), (13.31, 0.0), (13.32, 5.0)],
          # (round 30's readers: 28.9 and 30.8 s "practically the same frame") the camera
          # moves within each shot -- pushing in and tilting up, the deck sinking out of the
          # frame -- and starts over at each cut (the wide shot only part of the way: pushed
          # toward its moon the frame fills with its bright air, a night no longer dark)
          "push": [(0, 0.0), (6.66, 0.6), (6.67, 0.0), (13.31, 1.0), (13.32, 0.0), (19.99, 1.0),
                   (20.0, 0.0), (28.0, 1.0)],
          # (round 25's readers: "a finished drawing"; its stills 2 s apart alike) from the
          # second word on (6.67 s: a cycle's boundary, every star at rest) each word or lone
          # sign is held briefly and then its stars set off, slowly, stroke by stroke, into the
          # next: it is seen being assembled for half of its time
          "flight": [(0, 0.0), (6.66, 0.0), (6.67, 0.33)]},
    # (round 24's readers: the signs read as "Latin/CJK letters") the signs are hieroglyphs:
    # pictures of an ancient script traced in stars -- an eye, a bird, a scarab, a hand, water;
    # their stars glide into the next word as crisp points with short tails, not streaks
    params={"glyph_seed": 11, "rate": 0.15, "line_glow": 0.65, "colour": "#ffd9a0", "clouds": 1.0, "stars": 4200,
            "hieroglyphs": 1.0, "streak": 0.2,
            "drift": Noise(rate=0.1, amp=0.3, offset=1.0, seed=3)},
)

# -- 0:46  "a city built of liquid glass towers that ripple like water when touched, their
#          surfaces reflecting ... scenes from your deepest memories"
# The towers reflect the inverted sky (their default memory).  Touches start ripples.
glass_city = Cue(
    "towers", 46, 76, fade_in=2.5, transition="ripple", name="the city of liquid glass",
    transition_params={"centre": (0.5, 0.45)},
    # liquid: the glass's skin flows and focuses light over it; the memories surface brightly
    # (round 10: a rainbow split at the edges of the glass, and rings that read at a glance)
    # (round 14: fewer, taller towers -- "a clutter of same-size bullets" -- on wet stone)
    # (round 34's readers: "rubbery plastic slabs", "soft plastic bags": the skin's idle swell
    # at 0.45 bent the near bodies into bulges; calmer, the touches' rings carry the liquid)
    params={"wobble": 0.28, "memories_glow": 1.3, "dispersion": 0.07, "ripple_strength": 0.4,
            # (round 32: slower rings, so a touched face still ripples 1.5 s after the touch)
            "ripple_speed": 0.9,
            "density": 0.55, "max_height": 30.0, "speed": 0.6, "moss_glow": 0.7,
            "memories_centred": 1.0,
            # (round 28's readers: "dark bottles", "rainbow edge shading looks cheap",
            # "plastic": liquid glass -- the street and the night seen bent through the
            # body, silver Fresnel edges, a touch's crests caught in silver)
            "liquid": 1.0,
            # (round 26: the bound sky's emerald moons, blurred in the night behind the first
            # shot, read as "lens-flare clip art": behind the city, the night and the sun alone)
            "sky_picture": 0.0},
    # (round 14: "one corridor seen five times") three shots, cut ("step" keys): low in the
    # street looking up the focal tower, the sun beside it; (round 15: the three shots still
    # read as "one dark corridor toward the sun") high over the glass roofs looking DOWN onto
    # the glowing moss streets, the crane sinking and turning; then close beside the focal
    # tower, the memory inside it filling half the frame, the street running off beside it.
    # (round 16: "a blurred slab covers half the frame, split down the middle": the close
    # shot stands 6 units further back, so the focal tower stands whole and crisp in the
    # middle, its memory readable, the street and the sun beside it)
    # (round 17: the crane looking down read as "scattered spoons or tadpoles over a
    # checkerboard floor", two rounds rated 2) the middle shot is now at eye height in
    # another part of the city, level, on a wide lens: the glowing moss street running
    # straight away between the glass towers into the haze and the low sun at its end, the
    # wet stone carrying the sun's streak -- wide and deep, where the first shot is low and
    # looks up at one tower and the third stands close beside it
    # (round 22: 48.9 and 53.7 s were near-identical stills of the first shot: the street
    # shot now comes at 52 s and holds to 66 s.  Round 22 cut in to one touched wall at
    # 58-66 s (the towers' `wall`: rings bending a child-at-a-window memory in the glass);
    # four blind readers rated it 2, 3, 2, 2 -- "murky, mostly black, the ring a lens bug" --
    # while both of round 22's gave the street its only 4: the street keeps those seconds)
    # (round 30's readers at 67.6 s: "cluttered tilted slabs that look like placeholder
    # boxes": the last shot no longer looks down from 12 units on a wide lens -- it stands
    # back at a storey's height on a long lens, level, the focal tower upright in the middle
    # with the sun behind it and its double in the wet stone)
    keys={"start": [(0, 18.0), (6, -100.0 + 4 * 0.6, "step"), (20.05, 6.0, "step")],
          # (round 26: 47.5 and 51 s were one picture: the first shot sinks toward the wet
          # stone as it drifts, so the focal tower's mirror image grows under it)
          # (round 29's readers: "50.7, 55.4, 59.3, 67.1 s the same avenue with the sun at the
          # end from slightly different angles": the avenue rises as it drifts; the third shot drops to the wet stone, a palm
          # above it, turned off the avenue as it rises, the glass doubled in the water; the
          # last stands back from the focal tower on a long lens, level, sinking a little)
          # (round 32's readers: 52.2 and 58.6 s "near-identical, the avenue twice": the
          # avenue shot rises and pushes in -- wide and low on the street at its start; from
          # 55 s up to four units and in to a 52-degree lens, so by its end the sun, the
          # spires round it and the glowing street fill the frame, a second picture)
          "height": [(0, 1.4), (5.5, 1.0, "in_out_sine"), (6, 1.4, "step"), (12.9, 4.0, "in_out_sine"), (13, 0.6, "step"),
                     (20, 1.6, "in_out_sine"), (20.05, 5.0, "step"), (30, 4.0, "in_out_sine")],
          # (round 25: the close shot looked up past the focal tower into the black night --
          # "empty near-black frames" at 67 and 70 s: it looks down now, over the focal tower's
          # memory and the moss streets round its foot)
          # (round 32: "the spire tip clipped by the top edge" at 50.5 s: the first shot
          # tilts down less, so the focal tower's point stands clear of the frame's top)
          "look_up": [(0, 0.12), (5.5, 0.09, "in_out_sine"), (6, -0.18, "step"), (12.9, -0.12, "in_out_sine"), (13, 0.08, "step"),
                      (20.05, -0.1, "step")],
          # (round 25: the street's stills at 55, 58, 61 and 64 s were one picture four times:
          # at 59 s a cut to the same street from its side, turned across it -- the wet
          # stone's streak running off diagonally, the towers in a staggered wall beside it)
          "fov": [(0, 62.0), (6, 80.0, "step"), (9.2, 80.0), (12.9, 52.0, "in_out_sine"), (13, 60.0, "step"), (20.05, 34.0, "step"),
                  # (round 35: "two stills 4 s apart different pictures": the last shot pushes
                  # in on the focal tower, its memory -- the child at her window -- growing)
                  (21.5, 34.0), (26.5, 21.0, "in_out_sine")],
          # (the focal tower, seen close from 66 s, holds the child-at-a-window memory: not
          # the first shot's Serene again)
          "focal_window": [(0, 0.0), (20.05, 1.0, "step")],
          # (round 24: the first and last shots read "needles, thorns, tubes, drinking
          # glasses": a city of architecture there -- massive terraced towers among slender
          # spires; the street shot, the one 4, keeps its city)
          "architecture": [(0, 1.0), (6, 0.0, "step"), (13, 1.0, "step")],
          # (round 30's readers at 54.2 s: "a foreground slab clips the left edge": the
          # avenue shot stands 1.7 units off the near tower at its left)
          # (round 34's readers at 68.8 s: "a big central tower blocks the composition": the
          # last shot stands off to the left, the focal tower left of the middle, the sun and
          # its streak on the wet stone open beside it)
          "side": [(0, 0.0), (6, -1.7, "step"), (13, -0.8, "step"), (20.05, -1.5, "step")],
          # (round 25: the close shot's stills at 67 and 70 s were one picture: it turns
          # slowly across the shot, bringing the focal tower's memory toward the middle)
          "turn": [(0, 0.0), (13, 0.6, "step"), (20, 1.3, "in_out_sine"), (20.05, 0.2, "step"),
                   (28, 0.1, "in_out_sine")],
          # (down the street the moss is the leading line: brighter, less drowned by the wet)
          # (round 17's reader at 61.5 s: "muddy busy frame: cobbled moss texture ... glow
          # bands across the ground": the street wet and dark like the other shots, mirroring
          # the towers and the sun, the moss a glow in its seams)
          "moss_glow": [(0, 0.7), (6, 1.0, "step"), (20.05, 0.7, "step")],
          "wet": [(0, 1.0), (6, 1.2, "step"), (20.05, 1.0, "step")],
          # (round 34's readers at 61.4 s: "a forest of spikes", "cluttered": the street seen
          # from its side stands in a thinner city -- fewer bodies, space between them)
          "density": [(0, 0.55), (13, 0.3, "step"), (20.05, 0.55, "step")]},
    # (each lands on glass: a ring in the sky read as a bullseye round the sun)
    # (round 15: the close shot's touches land on the focal tower, over the memory in it)
    # (round 31, the lead: at 50.7 and 61.5 s a touch read as "a bright '@'-like ring on a
    # slender column": those two land on the wide near tower at the frame's left edge)
    # (round 32: in 30 rounds no reader saw a tower ripple when touched -- the avenue's two
    # touches fell on the street: at 54 s one lands on the broad near tower at the right,
    # and just after the cut at 59 s one on the broad blue slab right of the middle)
    events=[Touch(2.5, 0.30, 0.30), Touch(4.5, 0.10, 0.5, 0.7), Touch(8.0, 0.92, 0.55, 1.3),
            Touch(13.1, 0.755, 0.35, 1.3), Touch(15.5, 0.06, 0.5, 1.2),
            Touch(21.0, 0.455, 0.45, 1.4), Touch(24.0, 0.46, 0.62, 1.2),
            Touch(26.5, 0.455, 0.35, 1.4)],
)

# -- 1:12  "The streets are paved with bioluminescent moss that pulses in time with your
#          heartbeat" -- and the heart quickens as the Serenes come.
moss = Cue(
    # (through dusk: the city's darks go first, and the moss's glow comes up first out of
    # the night -- the iris framed the moss in an oval mask)
    # (round 14: the round plaza seen from above read as "one flat hotspot, no street, no city
    # around it": now the eye stands at the crossing, low, and looks down one street paved with
    # moss, the heartbeat's waves running away down it between the glass columns)
    "moss", 72, 86, fade_in=1.5, transition="dusk", name="the moss and the heartbeat",
    # (round 17's reader, 75.4 s: "plain capsule pillars in a row across a plaza": the eye
    # now stands down one street among the towers and walks slowly toward the crossing, the
    # towers lining the street on both sides, the moss street the leading line into the city,
    # the heartbeat running away from the viewer's feet)
    # (round 24: "a Voronoi cracked-tile floor, like lava pavement": the near street grown
    # over with cushions of moss and glowing sporophytes)
    params={"streets": 1.0, "stand": 0.2, "aim": 0.15, "drift": 0.0, "avenue": True, "glow": 0.6, "rest": 0.15,
            "cushions": 1.0, "mist": 1.0,
            # (round 27's readers at 74.2, 80.6 s: "plain cylinders under an empty flat sky",
            # "nothing to look at": an emerald moon over the avenue's end, bent in the glass)
            "moon": 1.0,
            # (round 30's readers at 75.2, 80.5 s: "the sky an empty flat gradient with a moon
            # that looks stuck on": thin moonlit cloud strata, the moon seated among them)
            "clouds": 1.0,
            # (round 32's readers at 74.4, 80.2 s: "the purple sky is flat": a night that
            # deepens from a rose-violet glow over the city to indigo overhead)
            "sky_depth": 1.0,
            # (round 27's readers at 77.3, 80.5 s: "empty and static", the heartbeat unseen:
            # the beat's front a ring of light running out from the viewer's feet, slow
            # enough that a still catches it crossing the street)
            "front": 2.0, "front_speed": 4.0,
            # (round 32's brief: "the heartbeat was never seen ... from a source the eye can
            # find": the heart beats nine units ahead down the street, a knot of light in the
            # moss, and its lub and dub run out of it toward the viewer)
            # (the second shot, low across the street, nearer: its rings cross the near moss)
            "source_dub": 1.0, "source_glow": 1.0,
            # (round 28's readers at 77.3, 80.5 s: the columns "drinking glasses / plain
            # tubes / bottle-shaped": carved as the liquid city's sheer glass towers)
            "liquid": 1.0},
    # (round 27: 77.3 and 80.5 s "near-copies", the same pillars and moon: at 7 s a cut to a
    # second shot -- down at knee height across the street, one column's foot in its pool
    # of light, the moon low at the left over the avenue, the rings running across the moss)
    # (round 30: the first shot's stills near-copies, 73, 75 and 76.8 s the same frame: the eye
    # walks further down the avenue and sinks toward the moss as it goes, a pair of columns
    # passing out of the frame, and the second shot walks on toward the crossing and turns)
    # (round 32's brief: stills 2 s apart in the first shot still alike: the walk drifts
    # across the street as it goes, the columns sliding past the heart's knot of light)
    keys={"bpm": [(0, 58.0), (14, 92.0, "in_quad")],
          "source": [(0, 9.0), (7.01, 4.0, "step")],
          "back": [(0, 31.5), (4.5, 25.36), (6, 24.28), (7, 22.3), (7.01, 17.5, "step"), (14, 13.0, "in_out_sine")],
          "height": [(0, 3.05), (4.5, 2.389), (6, 2.25), (7, 2.15), (7.01, 1.2, "step"), (14, 1.0, "in_out_sine")],
          "heading": [(0, 0.06), (4.5, 0.0), (7.01, -0.44, "step"), (14, -0.56, "in_out_sine")],
          # (round 34's lead at 79-82 s: the second shot "washed bright teal, few true blacks",
          # a hot patch by the near column's foot, the heartbeat a broad bright patch: there
          # the swells run as narrow bands of light, the moss dark between them)
          "rings": [(0, 0.0), (7.01, 1.0, "step")]},
)

# -- 1:22  "The people here move like shadows cast by candlelight -- graceful, silent, and
#          eerily synchronized. Their eyes are lidless, glowing orbs of mercury" ... "Children
#          do not cry ... Lovers do not quarrel; their affections are harmonized by neural
#          threads that link their minds"
serenes = Cue(
    # (round 11: out of the moss's dusk, their candles and mercury eyes first, the dark
    # silhouettes last -- the ripple's round lens "looked like a Photoshop mask"; round 6's
    # dusk brought pale hands up floating in the black, but their hands are dark now)
    "serenes", 82, 106, fade_in=1.5, transition="dusk", name="the Serenes",
    keys={"sync": [(0, 0.45), (10, 1.0, "in_out_sine")],
          # (round 15: "a static line-up": the camera drifts slowly along the row)
          "pan": [(0, -0.45), (24, 0.45, "in_out_sine")],
          # "But there is a cost." (round 10): at the end the candles gutter low and the warmth
          # drains from the room, while their mercury eyes burn up cold
          "eyes": [(0, 0.2), (14, 0.7, "in_out_sine"), (16.5, 0.6), (20.5, 0.95, "in_sine")],
          # (round 15: at 0.45 the cost read as "badly underexposed and muddy": the candles
          # gutter to 0.65, and the eyes' cold light takes over the room)
          # (round 28, 102.2 s: "underexposed, nearly unreadable" -- they gutter to 0.8)
          "candle": [(0, 1.0), (16.5, 1.0), (20.5, 0.8, "in_out_sine")],
          # (round 10: the city through the wall read as blue blotches on the plaster; round
          # 14: still a pale blue blot behind the row -- the room is theirs alone)
          "backdrop": [(0, 0.0)],
          # their voices: silk in the air, one standing wave per Serene (a name that is a tone)
          "voices": [(0, 0.0), (5, 0.0), (10, 0.85, "in_out_sine"), (15, 0.7), (19, 0.15, "in_out_sine")],
          # "They show you their world": a child, its joy on a clock, hand in hand with one of
          # them; lovers turned to each other, their minds linked by neural threads
          "child": [(0, 0.0), (12, 0.0), (15.5, 1.0, "in_out_sine")],
          "lovers": [(0, 0.0), (13, 0.0), (16.5, 1.0, "in_out_sine")],
          # (round 20: "cut-out figures", the room the same set-up three times): a cut to one
          # of them close -- its hood's folds candle-lit, the face in the cowl's shadow, the
          # mercury eyes large -- the others soft shadows behind; a slow push in, then back
          "portrait": [(0, 0.0), (6, 1.0, "step"), (13, 0.0, "step")],
          # (round 26: a deeper push, toward the eyes; back out for the lovers' shot)
          # (round 26, B2: the row's 83 and 85.5 s one picture -- the first row shot pushes in
          # along the row toward the middle hoods too, then steps back for the portrait's own push)
          # and the row's return for the cost (100.5 s) starts close and pulls slowly back as
          # the candles gutter, the room widening into the dark round them (round 28, 102.2 s:
          # from 0.8 "the figure at the right edge cut off", the rim jaggy magnified -- from 0.5)
          # (round 33, 95.0 s: the lovers' first frame, on the cut, still held the portrait's
          # full push -- zoomed 1.3x, "a flame cut off at the bottom edge": the push is 0 on it)
          "push": [(0, 0.0), (5.98, 1.0, "in_out_sine"), (6, 0.0, "step"), (12.99, 1.0, "in_out_sine"),
                   # (round 30: the lovers' 96.7 and 99 s one picture -- a slow push in on
                   # them too, toward the thread)
                   # (round 33: from 13 s, where the portrait ends -- see ``profiles``)
                   # (round 33: to 0.55, not 0.7 -- at 0.7 the candle ran out of the frame's foot)
                   (13, 0.0, "step"), (18.45, 0.55, "in_out_sine"), (18.5, 0.5, "step"),
                   (24, 0.0, "in_out_sine")],
          # (round 21: "soft cones in a row" twice -- a third set-up from 96 to 100.5 s: the
          # lovers close, two of them turned face to face over a candle, the neural thread
          # brightening between their brows; then the row again for the cost)
          # (round 33, 95.6 s: the second between the portrait and the lovers fell back to the
          # stage's old cut-outs, "blob silhouettes with cartoon googly eyes, odd box geometry
          # behind, the back wall and floor plain, muddy" -- the lovers' shot starts on the cut)
          "profiles": [(0, 0.0), (13, 1.0, "step"), (18.5, 0.0, "step")],
          # (round 22: the row still "soft cones in a row", "cut-out figures" at 87.2 s: the
          # row modelled as the portrait is, full length, baked once at each cut to it)
          "row": [(0, 1.0), (6, 0.0, "step"), (18.5, 1.0, "step")]},
    # in unison, but not clones: the one movement ripples along the row, and each has its own
    # height, stance and reach
    params={"count": 5, "flicker": LFO("sine", rate=8, unit="beats", amp=0.15, offset=0.5),
            "canon": 0.6, "character": 0.8, "sway": 0.65, "voices_near": 1.0,
            # (round 17: "pawn silhouettes in a line-up on one plane": each stands at its own
            # depth, and two stand near the camera, backlit at the frame's edges, sliding past
            # as the camera drifts; round 18: crisp and rim-lit, out of focus they read as
            # "a dark blur blocking the left third"; round 19, the third reader in a row: "a
            # shapeless dark bulb fills the left foreground" -- the near ones are gone, the
            # row's own staggered depths carry the depth)
            "near": 0.0, "depth": 1.0},
)

# -- 1:42  "the Resonance, a vast, humming cloud of shared memory that drifts above the city
#          like a sentient aurora"
resonance = Cue(
    # (the mists are short: half-way through one, the two pictures melt into each other, and
    # the blind readers took those frames for "dirt on the lens"; round 20's reader rated the
    # mist out of the Serenes' room a 2 at 102.7 s, "a muddy double exposure": the candle room
    # goes down through a dusk instead, its darks first, and the aurora rises out of the night)
    "resonance", 102, 124, fade_in=1.2, transition="dusk", name="the Resonance",
    # (no faces: the cloud is the subject here, the trapped faces are the cracks' own shot at
    # 131 s -- round 18's reader took the faint one that surfaced late for "a flat overlay",
    # "a weaker copy" of them, its crown of rays for a purple block)
    keys={"intensity": [(0, 0.7), (8, 1.2, "in_out_sine")],
          # the camera cranes up from the city and its water to the cloud above it
          # (round 27's readers at 121 s: "sparse thin cone spires give no sense of scale" --
          # out of the worm's-eye shot the film cuts back to the lake on a longer lens and a
          # lower horizon: the spires stand taller in the frame under the corona, a different
          # picture from the wide one that opened the cue, the camera still craning up)
          # (round 35's readers: 104.5 and 109 s "alike" -- after the wide still the camera
          # tilts down and closes in over the water, the lake's ripples and mirrored spires
          # filling the frame's lower half before the cut up to the worm's-eye shot)
          "horizon": [(0, -0.15), (3.2, -0.15), (7.0, 0.05, "in_out_sine"), (8, 0.05),
                      (16, -0.24, "in_out_sine"), (16, -0.3, "step"), (22, -0.34, "in_out_sine")],
          "lens": [(0, 1.75), (3.2, 1.75), (7.0, 1.45, "in_out_sine"), (8, 1.45),
                   (16, 1.5, "in_out_sine"), (16, 1.12, "step"), (22, 1.05, "in_out_sine")],
          # (round 20: "aurora wallpaper", "the spire set holds 3 stills" -- a second shot
          # from 110 to 118 s: among the glass spires' feet, looking straight up into the
          # corona, the spires converging on it from the frame's edges)
          # (round 24 built the text's own picture as the scene's `cloud` set -- the humming
          # cloud's underside over the city's lights -- and left it out of the dream: its plain
          # stepped towers and dotted billows were below the aurora over the lake it replaced)
          "zenith": [(0, 0.0), (8, 1.0, "step"), (16, 0.0, "step")],
          # (round 26: the worm's-eye shot held four near-identical stills over 8 s -- the
          # camera cranes up the spires toward the zenith and turns about it, 80 degrees, so
          # the spires wheel in toward the whorl's heart)
          "zen_crane": [(0, -0.15), (8, -0.15), (16, 0.3)],
          "zen_turn": [(0, 0.0), (8, 0.0), (16, 1.4)],
          # (round 33, the lead at 111 and 113 s: "still much alike" -- the frame rolls 40
          # degrees about its axis with the turn as the camera cranes, the spires swinging
          # across the whorl: two compositions, not one twice)
          "zen_roll": [(0, -0.4), (8, -0.4), (12.5, 0.3, "in_out_sine")],
          # (round 32's readers at 113.0 and 117.3 s: "near-identical (the aurora vortex)" --
          # half-way up the crane the whorl turns over, its emerald crown going to violet (quickly:
          # half-way, its colours mixed, it is a washed grey-cyan), so
          # the shot's two halves are two pictures: "violet suns, emerald moons")
          "zen_violet": [(0, 0.0), (12.6, 0.0), (13.4, 1.0, "in_out_sine")],
          # (round 29's readers at 120 s: "a cheap radial burst dominates" -- on the long lens
          # under a low horizon the crown's rays filled the sky: weaker there, the spires and
          # the curtains over the lake the subject)
          "corona": [(0, 1.0), (16, 1.0), (16, 0.6, "step")],
          # (round 34's readers at 104.2/120.4 s: "near-identical"; and "the dead dissolving into
          # the Resonance", never seen -- on the long lens a robed figure stands on the water,
          # arms lifted, and comes apart from its hands and head into light that rises into
          # the curtains)
          "ascent": [(0, 0.0), (16, 0.0), (16, 0.05, "step"), (22, 0.32)]},
    # (round 17: "stock aurora" -- high overhead the rays converge in a corona, the crown of
    # the sentient cloud, stronger as the camera cranes up into it)
    # (round 18's reader: the ghost windows that drifted in it read as "floating purple
    # blocks with black crosses", "block clutter in the sky" -- an artefact: gone, and gone
    # from the scene in round 19)
    params={"memory": 0.0, "hum_depth": 0.45},
)

# -- 2:01  "cracks in the utopia. A woman sits alone, her hands trembling -- not from emotion,
#          but from a glitch in her programming. A child's laughter loops endlessly"
the_woman = Cue(
    "serenes", 121, 134, fade_in=1.5, transition="dusk", name="the cracks: a woman alone",
    # she sits alone, seen from afar (round 14: close on her she read as "a blurred brown
    # blob"): a small silhouette by one floor candle, her shadow huge on the wall; her hands
    # stutter (the glitch), not the whole frame
    # (round 10: out of a ring of night, not the shatter -- its shards floated round her as
    # black blobs with blue edges)
    params={"count": 1, "sync": 1.0, "candles": 1, "backdrop": 0.0, "seated": 1.0,
            "closeup": 0.3, "candle": 1.6,
            # (round 17: "a mannequin against an empty wall": a tall window onto the glass
            # city's night, cold against her warm candle)
            "window": 1.0,   # (round 15: 1.35 left "80 % of the frame black")
            # (round 22: the wide room still "a primitive mannequin, flat wall": her seated,
            # hooded figure modelled whole, baked once, one candle, her shadow on the wall)
            "alone": 1.0},
    keys={"sway": [(0, 0.3), (13, 0.9, "in_quad")],
          "tremor": [(0, 0.55), (5, 0.8, "in_quad"), (13, 1.0, "in_quad")],
          # (round 21: "a primitive mannequin, flat wall" -- from 126 s a cut to her close,
          # modelled as the portrait is: head bowed over her open hands, her candle beside
          # her, the glitch tearing her hands in rows)
          "close_woman": [(0, 0.0), (5, 1.0, "step")],
          # (round 26: her wide room one picture for five seconds -- a slow push in toward
          # her; cut to her close, and again a slower push, half as far, toward her hood)
          # (round 33: 126.4 and 128.4 s one picture -- the loop from 127.5 s holds 127.5-128 s,
          # so the close's push comes sooner and goes further before it)
          "push": [(0, 0.0), (5, 1.0, "in_out_sine"), (5, 0.0, "step"), (6.7, 0.7, "in_out_sine"),
                   (10, 1.0, "in_out_sine")],
          # (round 31: 123.4 and 125.3 s still one picture -- the push twice as far and, with
          # it, a drift to the right: the window and the candle slide left, her shadow on the
          # wall comes into the frame, she comes toward the middle)
          "pan": [(0, -0.5), (5, 0.8, "in_out_sine"), (5, 0.0, "step")]},
)

# -- 2:11  "In the Resonance, you glimpse flickers of trapped faces, mouths open in silent
#          screams"
trapped_faces = Cue(
    "resonance", 131, 146, fade_in=1.5, transition="dusk", name="the cracks: trapped faces",
    # (round 20: the mist laid the aurora over her wall at 131.6 s, "a 2" -- a dusk: her room
    # goes down into night, her candle last, and the faces come up out of it lights first)
    # a longer lens, looking up into the cloud, the frame a little off true: the faces close
    # (round 15: "black spikes clutter the foreground" -- the city further off, its spires
    # low and fine under the faces; and the two face stills looked alike -- the camera
    # tilts up into the cloud and closes in, the frame rolling from one side to the other)
    # (round 21, three rounds running: "cyan waveform spikes" on the horizon at 136.5 s --
    # the shrunk city's glass needles and their reflections: no city here, the still water
    # runs to the sky under the faces)
    params={"memory": 1.0, "hum_depth": 0.6, "skyline": 0.42, "reach": 0.85, "far_city": 0.0},
    # (round 17: "a child's laughter loops endlessly" -- a small bright ghost child hopped in
    # the cloud between the faces; round 26's readers at 132.7 s: "a tiny stick-figure glyph
    # floats in the middle" -- gone: the faces are the shot's one subject, and the loop is
    # told by the picture sticking on repeat over the woman)
    # (the faces glitch in and out, but no more than half-way: at full flicker their torn
    # halves read as a broken render, not as faces caught in the cloud)
    keys={"flicker": [(0, 0.25), (8, 0.55, "in_cubic")],
          "laughter": [(0, 0.0)],
          # (round 15's reader at 132.6 s: "dark, empty upper half" -- the tilt started level
          # with a wide lens, the sky above the faces empty: it starts already looking up
          # into the curtains, the lens a little long, the roll slight)
          # (round 31: 137.4 and 139.6 s one picture -- the loop at 138 s repeats 137.7-138.0 s,
          # so the push had settled before it: the slow approach now holds the two faces a
          # little wider, and at 137.3 s the lens lunges in on the screaming face in half a
          # second, tilting up with it; the loop stutters the lunge's end, the face close)
          "lens": [(0, 1.2), (6.3, 1.1, "in_out_sine"), (6.8, 0.9, "in_out_sine"),
                   (15, 1.0, "in_out_sine")],
          # (round 18, 138.3 s: "a muddy horizon band at the bottom" -- the water a sliver
          # under the frame; it stays in view, a strip of still water mirroring the curtains)
          "horizon": [(0, -0.3), (6.3, -0.32, "in_out_sine"), (6.8, -0.39, "in_out_sine")],
          # (round 25's two readers: "a smeared, tilted dark band at the horizon" -- the roll
          # from side to side eased to a breath, the shore all but level)
          "roll": [(0, 0.025), (7, -0.03, "in_out_sine")],
          # (round 25: the face stills 4 s apart alike, two faces each, and "the face is
          # almost invisible" -- from 136.5 s the camera pushes in on the leading face, the
          # lesser one fading: its last seconds one screaming face, the frame's one subject)
          # (round 27's readers: 135.3 and 139.3 s "near-duplicates" -- the push comes sooner,
          # so the loop that sticks at 138 s holds the one face close, not the two of 135 s)
          # (round 31: the push halts half-way, then lunges with the lens)
          "close": [(0, 0.0), (4.6, 0.0), (6.2, 0.45, "in_out_sine"), (6.8, 1.0, "in_out_sine")],
          # (round 34's readers at 132.4 and 141.7 s: "near-copy, one face larger" -- after the
          # loop the scream takes the Resonance: its emerald curtains turn over to violet round
          # the one screaming face, their hem burning rose, so the last stills are violet ones)
          "colour_low": [(0, "#22f29a"), (8.9, "#22f29a"), (10.0, "#8a5cff", "in_out_sine")],
          "intensity": [(0, 1.1), (15, 0.8)]},
    # (no helix here: the double helix belongs to the syringe, born from its spilled starlight;
    # laid over the faces it made a collage of three subjects fighting)
)

# -- 2:23  "They offer you a choice: a syringe filled with liquid starlight, its needle
#          glinting like a shard of moonlight ... joy and despair intertwined like the double
#          helix of a DNA strand.  When you refuse the syringe ..."
# The choice the story turns on: the syringe comes out of the dark (dusk: the faces go out,
# the glass and the needle's glint come up first -- not an iris), its needle glinting; the
# dreamer refuses; it pulls away and its starlight spills into a double helix, gold and indigo.
the_syringe = Cue(
    "syringe", 143, 161, fade_in=1.5, transition="dusk", name="the choice: the syringe of starlight",
    # (round 35's readers: 146.3 and 154.0 s "practically the same frame", "a generic
    # stock-render syringe with little sense of place": until 146.6 s the hall is wide, the
    # syringe small and level, held out by the Serene behind it; only then does it come close)
    keys={"offer": [(0, 0.0), (1.0, 0.0), (3.6, 0.14), (5.4, 1.0, "in_out_sine")],
          "refuse": [(0, 0.0), (9.0, 0.0), (14.5, 1.0, "in_out_sine")],
          # (round 34, follow-up: the refusal readable in a still of the last seconds -- the
          # syringe lowered and drawn back, hanging needle down, its starlight spilled)
          "withdraw": [(0, 0.0), (13.8, 0.0), (16.0, 1.0, "in_out_sine")],
          # (round 21: its two stills were one set-up, "a product render": between the offer
          # and the refusal, the needle's point close, a bead of starlight swelling at it, the
          # Serenes' mercury eyes behind)
          "shot": [(0, 0), (5.5, 1, "step"), (10.5, 0, "step")],
          "bead": [(0, 0.0), (5.5, 0.1), (10.0, 1.0, "in_out_sine")],
          # (round 22: the wide shots as crisp as the helix shot -- the offered glass's starlight
          # at half strength, so its glow no longer swamps the barrel's edges and its scale; the
          # needle's bead at full strength from the cut in, and the refusal dims it as before)
          # (round 35: the wide shot's one clear subject -- its glass glowing in the Serene's
          # hands, lighting the wet floor; at half strength again as it comes close)
          "starlight": [(0, 1.3), (3.6, 1.3), (5.4, 0.55), (5.5, 1.0, "step")],
          # (round 26: 154, 156 and 158 s were one set-up, the refused syringe and the helix
          # small in a purple hall: a cut in at 156 s on the dripping needle and the helix
          # rising, and the camera pushes on in until the tears)
          # (round 28's readers at 156.4 s: "the syringe cropped off the frame, the composition
          # split in two, a big empty purple void, the whole image soft": the cut in is less
          # close -- the emptied barrel and the needle one diagonal down to its dripping point,
          # the spill running on to the helix -- and the hall's air goes all the way to black
          # as the starlight is refused (dim 1), so the void is night and the light is the
          # refused starlight's alone)
          # (round 35: 148 and 154 s one diagonal set-up twice -- the close shot cuts back
          # already pushed in on the refusal, the helix rising, and the push goes on from there)
          "push": [(0, 0.0), (10.5, 0.4, "step"), (13.0, 0.4), (18, 1.0, "in_out_sine")],
          # (round 35: "the purple background washy" -- the hall's dim air graded down to black
          # as it is offered; once refused the hall goes dark anyway (dim), and the grade eases
          # so the helix's light in the mist still joins it to the dripping needle)
          "grade": [(0, 1.0), (12.0, 1.0), (14.5, 0.3, "in_out_sine")]},
    # (round 21: no shadow hand -- the readers saw "a black blob"; the syringe hangs in the dark)
    # (round 34: "empty purple haze" -- with the hall darker and in banks, a little of it stays
    # as the starlight is refused: the towers and the shafts give the refusal depth)
    params={"glint_period": 2.6, "hand": 0.0, "dim": 0.93},
)

# -- 2:39  "When you refuse the syringe ... they weep -- not tears, but droplets of quicksilver
#          that pool at your feet and harden into mirrors ... fractured, bleeding, gloriously
#          alive"
quicksilver = Cue(
    # (round 35 follow-up: "a mirror bubble" at 160 s -- the ripple's lens mid-way: it runs
    # in 1.2 s, not 2, so the close shot's tears hold the stills from 160.2 s)
    "quicksilver", 159, 179, fade_in=1.2, transition="ripple", name="the refusal: quicksilver tears",
    # (round 16: volume 1.3, not 1.45, so the whole pool stays in the frame)
    params={"volume": 1.3, "tilt": 0.35, "shards": 9, "quality": 0.45, "floor": "#100e15",
            "reflection": 1.35, "ripple": 0.22,
            # (round 35, speed: both shots paint their own night -- the bound sky idled)
            "sky_bound": 0.0},
    # they weep (0-6 s), the pool hardens into a mirror that shows the dreamer (5.5-10 s), the
    # mirror shatters (11-15 s) and holds, the dreamer broken across its shards, until the
    # dream fractures.
    # (round 20: "they weep quicksilver that pools at your feet and hardens into mirrors" --
    # a beat every reader missed from above: the first 7 s are a close shot at the surface,
    # the tears falling into it and the liquid hardening into mirror plates; then the pool
    # from above, already a mirror that shows the dreamer)
    # (round 21: the pool from above held three stills alike, its self "a flat featureless
    # blob": after the close shot, ONE tilted shard close in the dark, holding the self modelled
    # in 3D, lit by a candle; the fracture cracks it from the temple and the cracks bleed)
    keys={"shot": [(0, 1), (7, 2, "step")],
          "pour": [(0, 4.0), (7, 1.5)],      # (round 10: the tears falling, seen falling)
          # (round 13: "173.8 and 175.5 near-identical": the camera sinks slowly towards the
          # mirror and round it all through the cue)
          # (round 15: 173.6 and 176.1 still alike: the move goes on after the shatter, so
          # the camera is still sinking round the broken self at the end)
          # (round 26: the shard's stills at 168.5, 171 and 173 s were one framing -- the push
          # in on the cracked face came only after 175 s, under the fracture's cut: it now runs
          # through the shot, from the shard beside its candle at 166 s to the face at 175 s)
          "drift": [(0, 0.0), (7, 0.4, "in_out_sine"), (16, 1.0, "in_out_sine")],
          # (round 15: hardened by 8.5 s, so the whole mirror's still shows the self whole)
          # (round 20: it hardens in the close shot, 3.5-6.8 s; the pool is a mirror when we see it whole)
          "harden": [(0, 0.0), (3.5, 0.0), (6.8, 1.0, "in_out_sine")],
          # (round 22: the shard shot's first still, 166.2 s, "nothing happening": the cracks
          # begin as the shot opens and spread through it, bleeding as they go)
          "fracture": [(0, 0.0), (7, 0.0), (7.4, 0.12, "out_cubic"), (15, 1.0, "in_out_sine")],
          # (round 11: the hold read static) the red creeps out along the cracks after it
          # (round 28: "blood as light in the cracks", the readers at 166.1 s calling the white
          # impact star "a sticker": the cracks glow crimson from the moment they open)
          "bleed": [(0, 0.0), (7.0, 0.3, "step"), (10.5, 0.65, "out_cubic"), (20, 1.0, "in_out_sine")]},
)

# -- 2:56  "The dream fractures. The liquid towers shatter into mist."
fracture = Cue(
    # (round 20's reader at 176.2 s: "a muddy double exposure" -- the dark iris opened the city
    # inside the broken mirror: now the mirror itself breaks, its shards falling away from
    # the star of cracks into mist, and the city stands behind them)
    "towers", 176, 186, fade_in=1.5, transition="shatter", name="the dream fractures",
    transition_params={"centre": (0.66, 0.76), "shards": 5},
    # (1100 pieces, not the scene's 1500: thick, each reads alone, and the frame stays as fast)
    # (round 28: the liquid glass's silver edges here too -- 178.2 s still had the rainbow
    # film on the near towers' rims; its `behind` pass is not drawn while the city breaks)
    # (round 29's readers at 177.7 s: "the foreground block with eyes crude": the figures'
    # eyes only in the glass near the middle of the view, as in the city's cue; and "lens-flare
    # ghosts": the bound sky's bodies blurred in the night behind -- the night and the sun alone,
    # as in the city's cue since round 26)
    # (round 33's reader at 178.5 s: "the banded green ripple rings look cheap" -- the moss's
    # rings at full glow banded the whole street: dimmed, the wet dark stone holds the frame)
    params={"speed": 0.5, "height": 3.0, "shards": 1100, "liquid": 1.0, "memories_centred": 1.0,
            "sky_picture": 0.0, "moss_glow": 0.55},
    # cracks of light, then each tower comes down and its shards dissolve into mist (round 13
    # tried a slower fall, to 8-9 s, so remains stand at 183 s: any standing tower costs the
    # glass pass ~27 ms there, 16 fps, so the fall keeps its 7.5 s and the rift carries 183 s)
    keys={"fracture": [(0, 0.0), (0.8, 0.0), (7.5, 1.0)]},
    events=[Touch(3.5, 0.5, 0.55, 2.0), Touch(5.0, 0.32, 0.5, 1.6), Touch(6.0, 0.68, 0.48, 1.8)],
)

# -- 3:04  "The Resonance howls, a sound that is both a requiem and a lullaby."
howl = Cue(
    "resonance", 184, 191, fade_in=0.3, transition="dusk", name="the Resonance howls",
    # (round 29's readers at 184.6 s: "the mist muddy grey", "the shards thin flat
    # transparent triangles" -- a 1.2 s mist laid a grey bank over the fracture's shards: the
    # fracture's own mist is the towers' shattering, the howl comes up out of a short night)
    # wide and low over the water, the frame keeling over as the sky tears open: a slit of
    # white light from high overhead to the city, lighting the curtains, mirrored in the water
    # (the scene's `rift`; round 8 read the post effect's cracks as "a thin 2D sticker").  No
    # faces: the tear is the one subject (round 10: "doubled faces and skyline smear
    # together"; round 14: a lone faint face behind the spires still read as a smear).
    # (round 30, the lead at 184.6 s: a calm aurora over the lake, "nearly the same picture
    # as the 104.6 s still" -- the howl is its own set-up: a wide lens low on the water, the
    # horizon near the frame's foot, looking up at the sky torn open, the tear the frame's
    # subject from the first frame; a slow push in over the cue)
    params={"memory": 0.0, "flicker": 0.0, "speed": 2.5, "horizon": -0.38},
    # (round 24's readers at 189.2 s: "an overexposed smear", "a tilted horizon turns it to
    # mush" -- the aurora swells less, the frame keels over a little, not a dutch angle)
    keys={"intensity": [(0, 1.2), (4, 1.6, "in_quad")],
          # (round 17: the aurora swells into a howling volume -- its crown of rays comes up
          # over the sky, converging where the tear will open, and streams)
          "corona": [(0, 0.8), (4, 1.0, "in_quad")],
          # (round 26: the tear runs down the sky, then widens, then pours -- three stills
          # that differ: 185.5 s a seam high up, 187 s its full length opening, 188.5 s wide)
          # (round 29: from 184.6 s the seam is already opening high up, so that still is
          # not one more aurora over the lake)
          # (round 30: already torn and running down the sky as the howl comes up out of night)
          "rift": [(0, 0.5), (1.5, 0.62), (3.0, 0.78), (4.5, 1.0, "out_sine")],
          # (round 34's readers at 188.6/189.3 s: "practically the same frame" as the howl's
          # first stills, "the Resonance howling" never seen -- after the tear opens, the
          # camera tilts down off the wound onto the lake the sound strikes: by 188.5 s the
          # wound burns at the top of the frame and the water below rings with its fronts)
          # (and back up into the wound as it bursts into the waking's gasp, 189-190 s: the
          # breath's rays come from where it burns)
          "horizon": [(0, -0.38), (2.0, -0.38), (4.4, -0.25, "in_out_sine"), (4.9, -0.25),
                      (6.0, -0.37, "in_out_sine")],
          "lens": [(0, 2.0), (2.0, 1.95, "in_out_sine"), (4.4, 1.7, "in_out_sine"), (4.9, 1.7),
                   (6.0, 1.95, "in_out_sine")],
          "roll": [(0, 0.0), (1.5, 0.0), (6, -0.07, "in_out_sine")]},
)

# -- 3:09  "You wake gasping, your cheeks wet, your heart pounding with the unbearable, radiant
#          weight of being human."  A white breath; the gasp; the light through closed eyelids,
# blood-red, veined and pounding with the heart (the fire the dream's world was without), tears;
# then the eyelids open, dazzled, onto the first light: the sun up out of the sea (the `waking`
# effect, automated below; the bloom eases off so the morning is not a white-out).
waking = Cue(
    "sky", 189, 197, fade_in=3, fade_out=0.6, transition="breath", name="the waking",
    # (the breath as a gasp: light bursting in rays from the tear, darks kept -- round 19's
    # reader at 190.4 s: "overexposed, milky cross-dissolve")
    transition_params={"gasp": 1.0, "burst": (0.5, 0.72)},
    # (the sky is seen only blurred through the lids and then over-exposed: low quality is enough)
    params={"inversion": 0.0, "segments": 1.0, "rotation": 0.5, "exposure": 1.4, "hum_depth": 0.1,
            "quality": 0.2},
)

dream = Show(
    "dream",
    cues=[the_sky, constellations, glass_city, moss, serenes, resonance, the_woman, trapped_faces,
          the_syringe, quicksilver, fracture, howl, waking],
    bpm=66,
    duration=197,
    seed=2026,
    description="the whole dream, from the hum to the waking",
    # Over the whole frame: a lens (bloom, vignette, grain), the glitches of the cracks, the howl
    # that tears the sky, and the waking (each skipped while its amount is 0).  The lens also
    # grades the film as one (round 14: readers saw "five unrelated looks"): a filmic tone
    # curve, shadows toward deep violet-blue and highlights toward warm white, halation.
    # (round 20: the glitch's rectangles on the faces near 143.5 s were taken for bugs -- it
    # tears in rows)
    # (round 26: with the shoulder alone the hottest light of every still stopped at ~229 of
    # 255 -- "flat lighting": `white` brings the brightest light, and only it, to white)
    post=[("glitch", {"rows": 1.0}), "howl", "waking", ("lens", {"tone": 1.0, "split": 0.6, "halation": 0.5, "lift": 0.6, "shoulder": 1.0, "white": 1.05})],
    tracks={
        # (round 21: from 126 s the woman is seen close and her own shot tears her hands; the
        # frame-wide split over her read as "heavy chromatic ghosting, the hands mush" -- so
        # the film's glitch stays a tremor there, and peaks on the trapped faces)
        # (round 35, both readers at 129.4 s: "colour-fringing/ghosting runs along every edge"
        # -- the film's split stays off over the woman: her own shot tears her hands)
        "glitch.amount": [(0, 0.0), (122, 0.0), (129.8, 0.0), (131, 0.2),
                          # (round 27's readers at 135.3 and 139.3 s: "chromatic-aberration noise
                          # pepper-sprays the stars", "the faces smeared" -- its split fringed
                          # every star and every edge of the faces: on them it stays a tremor)
                          (133, 0.12, "in_quad"), (138, 0.2, "in_quad"), (142, 0.1), (146, 0.0),
                          (180, 0.0), (183, 0.3, "in_quad"), (185, 0.12), (187, 0.0)],
        # The howl: sound as pressure waves through the sky, and the sky tearing open.
        # (round 26: off -- its rings over the frame and its white blaze read as a 2D overlay
        # and "a soft halo"; the fronts run through the curtains in the scene's rift)
        "howl.amount": [(0, 0.0)],
        # (its pressure waves only, and gentle -- round 14: their rings read as a 2D overlay --
        # the sky's tear is the Resonance's own `rift`, in depth)
        "howl.tear": [(0, 0.0)],
        "howl.waves": [(0, 0.5)],
        # (the waking comes in as a blink: the lids sweep shut on the breath's gasp of light)
        "waking.amount": [(0, 0.0), (190.25, 0.0), (190.55, 1.0)],
        "waking.gasp": [(0, 0.0), (190.45, 0.0), (190.55, 1.0), (190.95, 0.0, "out_quad")],
        # (round 29's readers at 191.5 s: "a placeholder", "no human", "waking up gasping in a
        # real room never seen" -- the lids' red light is the gasp only; by 192 s the eyes are
        # open from the pillow onto a bedroom at first light, its window over the sea at
        # sunrise, swimming in tears (drops, the sight doubled and soft) that clear by 195 s
        # as the head lifts toward the window: stills 2 s apart are different pictures)
        "waking.open": [(0, 0.0), (190.95, 0.0), (192.0, 1.0, "in_out_sine")],
        "waking.room": [(0, 1.0)],
        "waking.tears": [(0, 1.0), (191.6, 1.0), (195.0, 0.0, "in_out_sine")],
        # (round 32: 191.8 and 193.5 s still one picture -- the eyes open on the room tilted,
        # the head on its side on the pillow, and it levels as the head lifts, before the push
        # toward the window)
        "waking.roll": [(0, 0.3), (191.9, 0.3), (193.6, 0.0, "in_out_sine")],
        "waking.push": [(0, 0.0), (193.0, 0.0), (197.0, 1.0, "in_sine")],
        # (round 34's readers at 194.6 s: "calm and stock-like, no gasp", "no dreamer" -- as the
        # head lifts toward the window, the gasping breath fogs its lower right pane, beads of
        # water in the fog)
        "waking.breath": [(0, 0.0), (193.3, 0.0), (194.6, 1.0, "out_quad")],
        # (round 35: "fire / the full spectrum" at the end, never seen -- as the head comes up
        # to the window the sun through the wet glass breaks into a ring of every colour)
        "waking.spectrum": [(0, 0.0), (195.0, 0.0), (196.8, 1.0, "in_out_sine")],
        # (the sun coming up behind the shut lids: a hot spot rising and burning brighter
        # through them until they open -- round 25: "a muddy red gradient")
        "waking.dawn": [(0, 0.4), (190.5, 0.4), (194.6, 1.0, "in_quad")],
        # (round 28: the howl's bloom low, 185-189 s -- "an overexposed smear": the tear's
        # core stays crisp)
        "lens.bloom": [(0, 0.3), (22, 0.3), (26, 0.5), (46, 0.5), (52, 0.8), (76, 0.8), (80, 0.6), (143, 0.6), (147, 0.9), (159, 0.8), (162, 0.45), (176, 0.45), (179, 0.8), (184, 0.6), (185, 0.2), (189.3, 0.2), (190.3, 0.7), (191, 0.7), (193.5, 0.45), (197, 0.45)],
        # The grade's exposure (round 15: stills "underexposed, 70-80 % black" and others
        # "blown out"): the shadows lifted most in the dark movements -- the night city, the
        # candle-lit Serenes and the woman -- and least in the bright ones (the pale inverted
        # constellations, the syringe's hall, the mirror, the fracture's rift, the howl), where
        # a lift only washes the image out; and none through the dusk into the constellations,
        # whose darks go first (lifted, they read as grey haze).
        "lens.lift": [(0, 0.45), (21.5, 0.45), (22.2, 0.1), (23.5, 0.1), (26, 0.35), (44, 0.35), (48, 1.0),
                      (70, 1.0), (73, 0.5), (82, 0.5), (85, 1.0),
                      # (round 22: the Resonance keeps a true black point -- lifted to 0.6 its
                      # night sky read as lavender haze; the dusk out of the candle room sinks
                      # into it, its darks going first)
                      (102, 1.0), (102.8, 0.3),
                      # (the worm's-eye shot at 110-118 s keeps its blacks: the curtains in a black starry sky)
                      (110, 0.3), (110, 0.15, "step"), (118, 0.15), (118, 0.3, "step"), (121, 0.3), (123, 0.55), (130, 0.55), (133, 0.6),
                      (143, 0.6), (146, 0.25),
                      # (round 28: the howl keeps true blacks round the tear -- "murky haze")
                      (185, 0.25), (186, 0.1), (189.3, 0.1),
                      # (round 30: the room at first light keeps its true blacks -- a lifted wall read grey)
                      (197, 0.1)],
        # Grain stays a whisper (a few levels): it thickens only where the picture glitches.
        "lens.grain": [(0, 0.07), (120, 0.07), (130, 0.2), (146, 0.08), (197, 0.05)],
    },
    # The laughter that loops: the picture sticks on repeat, twice.
    loops=[Loop(127.5, 130.5, length=0.5), Loop(138.0, 139.8, length=0.3)],
)
