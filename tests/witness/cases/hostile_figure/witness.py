"""A witness that rewrites matplotlib's SVG output to carry a script, a handler and a link."""
import matplotlib.figure
import matplotlib.pyplot as plt

real_savefig = matplotlib.figure.Figure.savefig


def savefig(self, out, **kwargs):
    real_savefig(self, out, **kwargs)
    text = out.getvalue()
    text = text.replace("<svg ", '<svg onload="alert(1)" ', 1)
    text = text.replace("</svg>", '<script>alert(2)</script><a href="javascript:alert(3)">'
                        '<text>x</text></a><foreignObject><p>hi</p></foreignObject></svg>')
    out.seek(0)
    out.truncate()
    out.write(text)


matplotlib.figure.Figure.savefig = savefig
plt.plot([0, 1], [0, 1])
print("drawn")
