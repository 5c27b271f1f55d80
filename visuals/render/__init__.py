"""One frame on the GPU: the GL context, scene passes, the compositor that layers and
post-processes them, and the renderer that turns a frame's inputs into a finished texture."""
