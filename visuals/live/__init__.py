"""The live show: the glfw window, the player loop that drives it from the real clock and the
controls, and the HUD drawn over it."""
