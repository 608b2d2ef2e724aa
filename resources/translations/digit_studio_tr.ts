<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="tr" sourcelanguage="en">
<context>
    <name>AboutText</name>
    <message>
        <source>Draw a digit and watch a neural network recognise it, layer by layer.</source>
        <translation>Bir rakam çiz ve bir sinir ağının onu katman katman tanıyışını izle.</translation>
    </message>
    <message>
        <source>Recognition only: this installation has no TensorFlow, so it cannot train.</source>
        <translation>Yalnızca tanıma: bu kurulumda TensorFlow yok, bu yüzden eğitim yapamaz.</translation>
    </message>
    <message>
        <source>Computed on: {device}&lt;br&gt;Model: {model}</source>
        <translation>Hesaplandığı yer: {device}&lt;br&gt;Model: {model}</translation>
    </message>
    <message>
        <source>The model is still loading.</source>
        <translation>Model hâlâ yükleniyor.</translation>
    </message>
</context>
<context>
    <name>ActivationView</name>
    <message>
        <source>Inside the network</source>
        <translation>Ağın içi</translation>
    </message>
    <message>
        <source>Check with NumPy</source>
        <translation>NumPy ile denetle</translation>
    </message>
    <message>
        <source>Run the course&apos;s NumPy forward propagation on the same input and compare every layer with the live engine&apos;s numbers</source>
        <translation>Dersin NumPy ileri yayılımını aynı girdiyle çalıştırır ve her katmanı canlı motorun sayılarıyla karşılaştırır</translation>
    </message>
    <message>
        <source>{name} · 1 layer · {parameters} parameters</source>
        <translation>{name} · 1 katman · {parameters} parametre</translation>
    </message>
    <message>
        <source>{name} · {layers} layers · {parameters} parameters</source>
        <translation>{name} · {layers} katman · {parameters} parametre</translation>
    </message>
    <message>
        <source>No model yet</source>
        <translation>Henüz model yok</translation>
    </message>
    <message>
        <source>Draw a digit: every layer responds as you draw</source>
        <translation>Bir rakam çiz: sen çizdikçe her katman yanıt verir</translation>
    </message>
    <message>
        <source>Draw a digit</source>
        <translation>Bir rakam çiz</translation>
    </message>
    <message>
        <source>NumPy {same} {engine} to {difference}</source>
        <translation>NumPy {same} {engine} (en büyük fark {difference})</translation>
    </message>
    <message>
        <source>NumPy {same} {engine}: {difference}</source>
        <translation>NumPy {same} {engine}: {difference}</translation>
    </message>
    <message>
        <source>NumPy: computing…</source>
        <translation>NumPy: hesaplanıyor…</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:{excites}&apos;&gt;━&lt;/span&gt; excites&amp;nbsp; &lt;span style=&apos;color:{inhibits}&apos;&gt;━&lt;/span&gt; inhibits</source>
        <translation>&lt;span style=&apos;color:{excites}&apos;&gt;━&lt;/span&gt; uyarır&amp;nbsp; &lt;span style=&apos;color:{inhibits}&apos;&gt;━&lt;/span&gt; baskılar</translation>
    </message>
    <message>
        <source>{legend}&amp;nbsp; (w·a) · hover: formula · click: weights</source>
        <translation>{legend}&amp;nbsp; (w·a) · üzerine gel: formül · tıkla: ağırlıklar</translation>
    </message>
    <message>
        <source>hover: formula · click: weights</source>
        <translation>üzerine gel: formül · tıkla: ağırlıklar</translation>
    </message>
    <message>
        <source>hover: formula</source>
        <translation>üzerine gel: formül</translation>
    </message>
</context>
<context>
    <name>ActivationsLesson</name>
    <message>
        <source>Choosing activations</source>
        <translation>Aktivasyon seçmek</translation>
    </message>
    <message>
        <source>Why does the course use relu, not linear activations, in the hidden layers?</source>
        <translation>Kurs gizli katmanlarda neden doğrusal değil de relu aktivasyonu kullanıyor?</translation>
    </message>
    <message>
        <source>Linear layers compose into one linear map: the network could compute no more than linear (or logistic / softmax) regression.</source>
        <translation>Doğrusal katmanlar birleşince tek bir doğrusal dönüşüm olur: ağ, doğrusal (ya da lojistik / softmax) regresyondan fazlasını hesaplayamaz.</translation>
    </message>
    <message>
        <source>Linear activations are slower to compute.</source>
        <translation>Doğrusal aktivasyonların hesaplanması daha yavaştır.</translation>
    </message>
    <message>
        <source>The gradient of a linear activation is always zero.</source>
        <translation>Doğrusal aktivasyonun gradyanı her zaman sıfırdır.</translation>
    </message>
    <message>
        <source>Linear activations cannot give negative numbers.</source>
        <translation>Doğrusal aktivasyonlar negatif sayı veremez.</translation>
    </message>
    <message>
        <source>x·W1·W2·W3 + … is x·W + b for one matrix W: stacking linear layers adds parameters but not power. A relu bends the line, and many bends together fit any shape.</source>
        <translation>x·W1·W2·W3 + …, tek bir W matrisiyle x·W + b&apos;dir: doğrusal katmanları üst üste koymak parametre ekler ama güç eklemez. Relu doğruyu büker; birçok büküm birlikte her şekle uyar.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Three activations.&lt;/b&gt; A unit computes z = w·a + b and outputs a = g(z). The course&apos;s three choices: sigmoid g(z) = 1/(1 + e&lt;sup&gt;−z&lt;/sup&gt;), relu g(z) = max(0, z), and linear g(z) = z.</source>
        <translation>&lt;b&gt;Üç aktivasyon.&lt;/b&gt; Bir birim z = w·a + b hesaplar ve a = g(z) çıktısını verir. Kursun üç seçeneği: sigmoid g(z) = 1/(1 + e&lt;sup&gt;−z&lt;/sup&gt;), relu g(z) = max(0, z) ve doğrusal (linear) g(z) = z.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Choosing.&lt;/b&gt; Output layer: sigmoid for a yes/no label, linear for a number that can be negative, relu for a number that cannot. Hidden layers: relu, the most common choice: it is quick and it is flat on one side only, so gradient descent does not slow down where sigmoid goes flat.</source>
        <translation>&lt;b&gt;Seçmek.&lt;/b&gt; Çıktı katmanı: evet/hayır etiketi için sigmoid, negatif olabilen bir sayı için doğrusal, negatif olamayan bir sayı için relu. Gizli katmanlar: en yaygın seçim relu: hızlıdır ve yalnız bir yanda düzdür, bu yüzden gradyan inişi sigmoid&apos;in düzleştiği yerlerde yavaşlamaz.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Try linear hidden layers.&lt;/b&gt; Start trains the course&apos;s 25-15-10 network twice on {n} MNIST images for {epochs} epochs, from the same random weights: once with relu hidden layers, once with linear ones. Adam, batches of 32; each curve is the loss averaged over the last {window} batches.</source>
        <translation>&lt;b&gt;Doğrusal gizli katmanları dene.&lt;/b&gt; Başlat, kursun 25-15-10 ağını {n} MNIST görüntüsüyle {epochs} epok boyunca, aynı rastgele ağırlıklardan başlayarak iki kez eğitir: bir kez relu gizli katmanlarla, bir kez doğrusal olanlarla. Adam, 32&apos;lik yığınlar; her eğri son {window} yığının ortalama kaybıdır.</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>epok</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>kayıp</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Başlat</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Durdur</translation>
    </message>
    <message>
        <source>&lt;b&gt;Linear layers are one linear map.&lt;/b&gt; With g(z) = z every layer is a&lt;sup&gt;[l]&lt;/sup&gt; = a&lt;sup&gt;[l−1]&lt;/sup&gt;·W&lt;sup&gt;[l]&lt;/sup&gt; + b&lt;sup&gt;[l]&lt;/sup&gt;, so the whole network is x·W&lt;sup&gt;[1]&lt;/sup&gt;·W&lt;sup&gt;[2]&lt;/sup&gt;·W&lt;sup&gt;[3]&lt;/sup&gt; + b = x·W + b with W = W&lt;sup&gt;[1]&lt;/sup&gt;·W&lt;sup&gt;[2]&lt;/sup&gt;·W&lt;sup&gt;[3]&lt;/sup&gt; and b = (b&lt;sup&gt;[1]&lt;/sup&gt;·W&lt;sup&gt;[2]&lt;/sup&gt; + b&lt;sup&gt;[2]&lt;/sup&gt;)·W&lt;sup&gt;[3]&lt;/sup&gt; + b&lt;sup&gt;[3]&lt;/sup&gt;.</source>
        <translation>&lt;b&gt;Doğrusal katmanlar tek bir doğrusal dönüşümdür.&lt;/b&gt; g(z) = z iken her katman a&lt;sup&gt;[l]&lt;/sup&gt; = a&lt;sup&gt;[l−1]&lt;/sup&gt;·W&lt;sup&gt;[l]&lt;/sup&gt; + b&lt;sup&gt;[l]&lt;/sup&gt; olur, yani bütün ağ x·W&lt;sup&gt;[1]&lt;/sup&gt;·W&lt;sup&gt;[2]&lt;/sup&gt;·W&lt;sup&gt;[3]&lt;/sup&gt; + b = x·W + b&apos;dir; burada W = W&lt;sup&gt;[1]&lt;/sup&gt;·W&lt;sup&gt;[2]&lt;/sup&gt;·W&lt;sup&gt;[3]&lt;/sup&gt; ve b = (b&lt;sup&gt;[1]&lt;/sup&gt;·W&lt;sup&gt;[2]&lt;/sup&gt; + b&lt;sup&gt;[2]&lt;/sup&gt;)·W&lt;sup&gt;[3]&lt;/sup&gt; + b&lt;sup&gt;[3]&lt;/sup&gt;.</translation>
    </message>
    <message>
        <source>So the linear network is softmax regression in disguise: {big} parameters that can only do what {small} do. Relu hidden layers are what makes the extra layers worth having.</source>
        <translation>Yani doğrusal ağ kılık değiştirmiş bir softmax regresyonudur: {big} parametre, ancak {small} parametrenin yapabildiğini yapabilir. Ek katmanları değerli kılan relu gizli katmanlarıdır.</translation>
    </message>
    <message>
        <source>the model in use</source>
        <translation>kullanılan model</translation>
    </message>
    <message>
        <source>No model with a dense layer is loaded: nothing to mark.</source>
        <translation>Yoğun (dense) katmanı olan bir model yüklü değil: işaretlenecek bir şey yok.</translation>
    </message>
    <message>
        <source>Your drawing, through {model}:</source>
        <translation>Çizimin, {model} üzerinden:</translation>
    </message>
    <message>
        <source>Draw a digit to see your numbers. Meanwhile: an MNIST test image, through {model}:</source>
        <translation>Kendi sayılarını görmek için bir rakam çiz. Bu arada: bir MNIST test görüntüsü, {model} üzerinden:</translation>
    </message>
    <message>
        <source>the most active unit of the first dense layer ({layer}) is unit {unit} of {units}: z = &lt;b&gt;{z}&lt;/b&gt;.&lt;br&gt;sigmoid(z) = {sigmoid}, relu(z) = {relu}, linear(z) = {linear}.&lt;br&gt;This layer uses {activation}: a = {a}.</source>
        <translation>ilk yoğun (dense) katmanın ({layer}) en etkin birimi, {units} birimden {unit}. birimdir: z = &lt;b&gt;{z}&lt;/b&gt;.&lt;br&gt;sigmoid(z) = {sigmoid}, relu(z) = {relu}, linear(z) = {linear}.&lt;br&gt;Bu katman {activation} kullanır: a = {a}.</translation>
    </message>
    <message>
        <source>Press Start to train both networks.</source>
        <translation>İki ağı da eğitmek için Başlat&apos;a tıkla.</translation>
    </message>
    <message>
        <source>Training failed: {error}</source>
        <translation>Eğitim başarısız oldu: {error}</translation>
    </message>
    <message>
        <source>{hidden} hidden layers: last epoch&apos;s mean loss {loss}, test accuracy &lt;b&gt;{accuracy}&lt;/b&gt;</source>
        <translation>{hidden} gizli katmanlar: son epokun ortalama kaybı {loss}, test doğruluğu &lt;b&gt;{accuracy}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>{hidden} hidden layers: last epoch&apos;s mean loss {loss}</source>
        <translation>{hidden} gizli katmanlar: son epokun ortalama kaybı {loss}</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Durduruldu.</translation>
    </message>
    <message>
        <source>Test accuracy on {n} MNIST test images.</source>
        <translation>Test doğruluğu {n} MNIST test görüntüsünde ölçüldü.</translation>
    </message>
    <message>
        <source>Relu hidden layers reach the lower loss: the linear network, however many layers it has, can only draw straight boundaries between the digits.</source>
        <translation>Relu gizli katmanlar daha düşük kayba ulaşır: doğrusal ağ, kaç katmanı olursa olsun, rakamlar arasına yalnızca düz sınırlar çizebilir.</translation>
    </message>
    <message>
        <source>Training…</source>
        <translation>Eğitiliyor…</translation>
    </message>
    <message>
        <source>The linear network trained in step 2:</source>
        <translation>2. adımda eğitilen doğrusal ağ:</translation>
    </message>
    <message>
        <source>A linear 25-15-10 network with random weights (train it in step 2 to see the trained one):</source>
        <translation>Rastgele ağırlıklı doğrusal bir 25-15-10 ağı (eğitilmiş hâlini görmek için 2. adımda eğit):</translation>
    </message>
    <message>
        <source>W = W&lt;sup&gt;[1]&lt;/sup&gt;·W&lt;sup&gt;[2]&lt;/sup&gt;·W&lt;sup&gt;[3]&lt;/sup&gt;: {shapes} = &lt;b&gt;{rows}×{columns}&lt;/b&gt;, one matrix (plus b, {columns} numbers).&lt;br&gt;On 100 MNIST test images the network&apos;s logits and x·W + b differ by at most &lt;b&gt;{difference}&lt;/b&gt;.</source>
        <translation>W = W&lt;sup&gt;[1]&lt;/sup&gt;·W&lt;sup&gt;[2]&lt;/sup&gt;·W&lt;sup&gt;[3]&lt;/sup&gt;: {shapes} = &lt;b&gt;{rows}×{columns}&lt;/b&gt;, tek bir matris (artı b, {columns} sayı).&lt;br&gt;100 MNIST test görüntüsünde ağın logitleri ile x·W + b arasındaki fark en çok &lt;b&gt;{difference}&lt;/b&gt;.</translation>
    </message>
</context>
<context>
    <name>AdamLesson</name>
    <message>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <source>During training, one parameter&apos;s updates keep flipping direction, back and forth. What does Adam do with it?</source>
        <translation>Eğitim sırasında bir parametrenin güncellemeleri sürekli yön değiştiriyor, ileri geri. Adam ona ne yapar?</translation>
    </message>
    <message>
        <source>It makes that parameter&apos;s steps smaller: its own learning rate goes down.</source>
        <translation>O parametrenin adımlarını küçültür: kendi öğrenme oranı düşer.</translation>
    </message>
    <message>
        <source>It makes that parameter&apos;s steps larger to get out of the oscillation.</source>
        <translation>Salınımdan çıkmak için o parametrenin adımlarını büyütür.</translation>
    </message>
    <message>
        <source>Nothing: Adam uses one learning rate α for all parameters.</source>
        <translation>Hiçbir şey: Adam tüm parametreler için tek bir öğrenme oranı α kullanır.</translation>
    </message>
    <message>
        <source>It resets that parameter to its initial value.</source>
        <translation>O parametreyi başlangıç değerine sıfırlar.</translation>
    </message>
    <message>
        <source>Adam keeps, for every parameter, a running mean m of its gradients and v of their squares. Gradients that flip sign cancel in m, so the step α·&lt;span style=&apos;text-decoration:overline&apos;&gt;m&lt;/span&gt;/(√&lt;span style=&apos;text-decoration:overline&apos;&gt;v&lt;/span&gt; + ε) shrinks; gradients that keep their sign add up, and the step stays near α — much larger than gradient descent&apos;s α·g.</source>
        <translation>Adam her parametre için gradyanlarının hareketli ortalaması m&apos;yi ve karelerinin hareketli ortalaması v&apos;yi tutar. İşaret değiştiren gradyanlar m&apos;de birbirini götürür, bu yüzden α·&lt;span style=&apos;text-decoration:overline&apos;&gt;m&lt;/span&gt;/(√&lt;span style=&apos;text-decoration:overline&apos;&gt;v&lt;/span&gt; + ε) adımı küçülür; işaretini koruyan gradyanlar birikir ve adım α civarında kalır — gradyan inişinin α·g adımından çok daha büyük.</translation>
    </message>
    <message>
        <source>Training failed: {error}</source>
        <translation>Eğitim başarısız oldu: {error}</translation>
    </message>
    <message>
        <source>Training both at α = {lr}… step {step} of {steps}.</source>
        <translation>İkisi de α = {lr} ile eğitiliyor… adım {step} / {steps}.</translation>
    </message>
    <message>
        <source>Both trained at α = {lr}, {steps} steps of {batch} images each.</source>
        <translation>İkisi de α = {lr} ile eğitildi, her biri {batch} görüntülük {steps} adım.</translation>
    </message>
    <message>
        <source>After {steps} steps the loss on the {count} images is &lt;b&gt;{sgd}&lt;/b&gt; with gradient descent and &lt;b&gt;{adam}&lt;/b&gt; with Adam.</source>
        <translation>{steps} adımdan sonra {count} görüntüdeki kayıp gradyan inişiyle &lt;b&gt;{sgd}&lt;/b&gt;, Adam ile &lt;b&gt;{adam}&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>Adam got there faster at the same learning rate.</source>
        <translation>Aynı öğrenme oranında Adam oraya daha hızlı vardı.</translation>
    </message>
    <message>
        <source>Here gradient descent did better: at this α Adam&apos;s steps are too large.</source>
        <translation>Burada gradyan inişi daha iyi yaptı: bu α&apos;da Adam&apos;ın adımları fazla büyük.</translation>
    </message>
    <message>
        <source>The step sizes appear when the training of step 2 has finished.</source>
        <translation>Adım büyüklükleri, 2. adımdaki eğitim bitince görünür.</translation>
    </message>
    <message>
        <source>Adam, {name}</source>
        <translation>Adam, {name}</translation>
    </message>
    <message>
        <source>gradient descent, {name}</source>
        <translation>gradyan inişi, {name}</translation>
    </message>
    <message>
        <source>&lt;b&gt;{steady}&lt;/b&gt; kept one direction ({same} of its gradients had the same sign): Adam&apos;s steps for it were {ratio}× gradient descent&apos;s, as if its learning rate were {ratio}× larger. &lt;b&gt;{zigzag}&lt;/b&gt; zig-zagged (its gradient had one sign {zsame} of the time, the other sign the rest): its steps were only {zratio}× gradient descent&apos;s.</source>
        <translation>&lt;b&gt;{steady}&lt;/b&gt; tek yönde ilerledi (gradyanlarının {same} kadarı aynı işaretteydi): Adam&apos;ın onun için attığı adımlar gradyan inişininkinin {ratio} katıydı, sanki öğrenme oranı {ratio} kat büyükmüş gibi. &lt;b&gt;{zigzag}&lt;/b&gt; zikzak çizdi (gradyanı zamanın {zsame} kadarında bir işarette, kalanında öbür işaretteydi): adımları gradyan inişininkinin yalnızca {zratio} katıydı.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Gradient descent&lt;/b&gt; takes every parameter w one step against its gradient g = ∂J/∂w, all with the same learning rate α: w ← w − α·g. &lt;b&gt;Adam&lt;/b&gt; (adaptive moment estimation) gives every parameter its own step size.</source>
        <translation>&lt;b&gt;Gradyan inişi&lt;/b&gt; her w parametresini gradyanı g = ∂J/∂w&apos;nin tersine bir adım götürür, hepsini aynı öğrenme oranı α ile: w ← w − α·g. &lt;b&gt;Adam&lt;/b&gt; (adaptive moment estimation, uyarlamalı moment kestirimi) her parametreye kendi adım büyüklüğünü verir.</translation>
    </message>
    <message>
        <source>Adam, as keras.optimizers.Adam computes it (β&lt;sub&gt;1&lt;/sub&gt; = 0.9, β&lt;sub&gt;2&lt;/sub&gt; = 0.999, ε = 10&lt;sup&gt;−7&lt;/sup&gt;), at step t:&lt;br&gt;m ← β&lt;sub&gt;1&lt;/sub&gt;·m + (1 − β&lt;sub&gt;1&lt;/sub&gt;)·g &amp;nbsp; (the gradient&apos;s running mean)&lt;br&gt;v ← β&lt;sub&gt;2&lt;/sub&gt;·v + (1 − β&lt;sub&gt;2&lt;/sub&gt;)·g² &amp;nbsp; (its square&apos;s running mean)&lt;br&gt;&lt;span style=&apos;text-decoration:overline&apos;&gt;m&lt;/span&gt; = m / (1 − β&lt;sub&gt;1&lt;/sub&gt;&lt;sup&gt;t&lt;/sup&gt;), &lt;span style=&apos;text-decoration:overline&apos;&gt;v&lt;/span&gt; = v / (1 − β&lt;sub&gt;2&lt;/sub&gt;&lt;sup&gt;t&lt;/sup&gt;)&lt;br&gt;w ← w − α·&lt;span style=&apos;text-decoration:overline&apos;&gt;m&lt;/span&gt; / (√&lt;span style=&apos;text-decoration:overline&apos;&gt;v&lt;/span&gt; + ε)</source>
        <translation>Adam, keras.optimizers.Adam&apos;ın hesapladığı gibi (β&lt;sub&gt;1&lt;/sub&gt; = 0,9, β&lt;sub&gt;2&lt;/sub&gt; = 0,999, ε = 10&lt;sup&gt;−7&lt;/sup&gt;), t. adımda:&lt;br&gt;m ← β&lt;sub&gt;1&lt;/sub&gt;·m + (1 − β&lt;sub&gt;1&lt;/sub&gt;)·g &amp;nbsp; (gradyanın hareketli ortalaması)&lt;br&gt;v ← β&lt;sub&gt;2&lt;/sub&gt;·v + (1 − β&lt;sub&gt;2&lt;/sub&gt;)·g² &amp;nbsp; (karesinin hareketli ortalaması)&lt;br&gt;&lt;span style=&apos;text-decoration:overline&apos;&gt;m&lt;/span&gt; = m / (1 − β&lt;sub&gt;1&lt;/sub&gt;&lt;sup&gt;t&lt;/sup&gt;), &lt;span style=&apos;text-decoration:overline&apos;&gt;v&lt;/span&gt; = v / (1 − β&lt;sub&gt;2&lt;/sub&gt;&lt;sup&gt;t&lt;/sup&gt;)&lt;br&gt;w ← w − α·&lt;span style=&apos;text-decoration:overline&apos;&gt;m&lt;/span&gt; / (√&lt;span style=&apos;text-decoration:overline&apos;&gt;v&lt;/span&gt; + ε)</translation>
    </message>
    <message>
        <source>The course&apos;s intuition: if a parameter keeps moving in the same direction, increase its learning rate; if it keeps oscillating, reduce it. &lt;span style=&apos;text-decoration:overline&apos;&gt;m&lt;/span&gt;/√&lt;span style=&apos;text-decoration:overline&apos;&gt;v&lt;/span&gt; is near ±1 when the gradients agree and near 0 when they cancel, so Adam&apos;s step is about α in the first case and small in the second, whatever the size of g.</source>
        <translation>Kursun sezgisi: bir parametre hep aynı yönde ilerliyorsa öğrenme oranını artır; salınıp duruyorsa azalt. &lt;span style=&apos;text-decoration:overline&apos;&gt;m&lt;/span&gt;/√&lt;span style=&apos;text-decoration:overline&apos;&gt;v&lt;/span&gt;, gradyanlar uyuştuğunda ±1&apos;e, birbirini götürdüğünde 0&apos;a yakındır; bu yüzden g&apos;nin büyüklüğü ne olursa olsun Adam&apos;ın adımı ilk durumda yaklaşık α, ikincisinde küçüktür.</translation>
    </message>
    <message>
        <source>&lt;b&gt;The race.&lt;/b&gt; The course&apos;s network (784 → 25 → 15 → 10, relu, logits out) trained here in NumPy on {count} MNIST images, twice from the same initial weights and on the same batches: once with gradient descent, once with Adam. The curves are the loss (cross-entropy from the logits) on all {count} images. The model in use is not changed.</source>
        <translation>&lt;b&gt;Yarış.&lt;/b&gt; Kursun ağı (784 → 25 → 15 → 10, relu, çıktısı logit) burada NumPy ile {count} MNIST görüntüsünde iki kez eğitildi, aynı başlangıç ağırlıklarından ve aynı yığınlarla: bir kez gradyan inişiyle, bir kez Adam ile. Eğriler {count} görüntünün tümündeki kayıptır (logitlerden çapraz entropi). Kullanılan model değişmez.</translation>
    </message>
    <message>
        <source>Learning rate α:</source>
        <translation>Öğrenme oranı α:</translation>
    </message>
    <message>
        <source>Train again</source>
        <translation>Yeniden eğit</translation>
    </message>
    <message>
        <source>step</source>
        <translation>adım</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>kayıp</translation>
    </message>
    <message>
        <source>&lt;b&gt;A learning rate per parameter.&lt;/b&gt; The size of each step |Δw| that Adam took for two weights of the race (log scale, averaged over {n} steps), and the step α·|g| gradient descent would have taken with the same gradient (dashed).</source>
        <translation>&lt;b&gt;Parametre başına bir öğrenme oranı.&lt;/b&gt; Adam&apos;ın yarıştaki iki ağırlık için attığı her adımın büyüklüğü |Δw| (logaritmik ölçek, {n} adımın ortalaması) ve gradyan inişinin aynı gradyanla atacağı α·|g| adımı (kesikli).</translation>
    </message>
    <message>
        <source>step size |Δw|</source>
        <translation>adım büyüklüğü |Δw|</translation>
    </message>
    <message>
        <source>&lt;i&gt;“If a parameter keeps moving in the same direction, increase its learning rate.”&lt;/i&gt; Adam does that by itself, for each of the network&apos;s {count} parameters.</source>
        <translation>&lt;i&gt;“Bir parametre hep aynı yönde ilerliyorsa öğrenme oranını artır.”&lt;/i&gt; Adam bunu ağın {count} parametresinin her biri için kendiliğinden yapar.</translation>
    </message>
</context>
<context>
    <name>AnswerText</name>
    <message>
        <source>Draw a digit</source>
        <translation>Bir rakam çiz</translation>
    </message>
    <message>
        <source>That doesn&apos;t look like a digit</source>
        <translation>Bu bir rakama benzemiyor</translation>
    </message>
    <message>
        <source>Hmm, that doesn&apos;t look like a digit. Try one from 0&#xa0;to&#xa0;9!</source>
        <translation>Hmm, bu bir rakama benzemiyor. 0&#xa0;ile&#xa0;9 arasında bir rakam dene!</translation>
    </message>
    <message>
        <source>maybe {best} or {second}</source>
        <translation>belki {best} ya da {second}</translation>
    </message>
    <message>
        <source>{percent} sure</source>
        <translation>{percent} emin</translation>
    </message>
</context>
<context>
    <name>ArchitectureEditor</name>
    <message>
        <source>cnn · {count} conv → {units} relu</source>
        <translation>cnn · {count} evrişim → {units} relu</translation>
    </message>
    <message>
        <source>{count} conv</source>
        <translation>{count} evrişim</translation>
    </message>
    <message>
        <source>{layers} · {count} parameters</source>
        <translation>{layers} · {count} parametre</translation>
    </message>
    <message>
        <source>Layer {number}</source>
        <translation>Katman {number}</translation>
    </message>
    <message>
        <source> units</source>
        <translation> nöron</translation>
    </message>
    <message>
        <source>Neurons in this hidden layer</source>
        <translation>Bu gizli katmandaki nöron sayısı</translation>
    </message>
    <message>
        <source>This layer&apos;s activation</source>
        <translation>Bu katmanın aktivasyonu</translation>
    </message>
    <message>
        <source>Remove this layer</source>
        <translation>Bu katmanı kaldır</translation>
    </message>
    <message>
        <source>Custom dense network…</source>
        <translation>Özel yoğun ağ…</translation>
    </message>
    <message>
        <source>The network to train: a course preset, or dense layers of your own</source>
        <translation>Eğitilecek ağ: dersin hazır ağlarından biri ya da kendi yoğun katmanların</translation>
    </message>
    <message>
        <source>+ Add hidden layer</source>
        <translation>+ Gizli katman ekle</translation>
    </message>
    <message>
        <source>Convolutional front end (the cnn&apos;s 4 conv layers)</source>
        <translation>Evrişimli ön uç (cnn&apos;in 4 evrişim katmanı)</translation>
    </message>
</context>
<context>
    <name>CoffeeLesson</name>
    <message>
        <source>Inference, tiny first</source>
        <translation>Çıkarım: önce minik ağlar</translation>
    </message>
    <message>
        <source>The “is it a 1?” network gives a&lt;sub&gt;1&lt;/sub&gt;&lt;sup&gt;[3]&lt;/sup&gt; = 0.97 for an image. What does that mean?</source>
        <translation>“Bu bir 1 mi?” ağı bir görüntü için a&lt;sub&gt;1&lt;/sub&gt;&lt;sup&gt;[3]&lt;/sup&gt; = 0,97 veriyor. Bu ne demek?</translation>
    </message>
    <message>
        <source>A 97% chance that the image is a 1: ŷ = 1.</source>
        <translation>Görüntünün %97 olasılıkla bir 1 olduğu: ŷ = 1.</translation>
    </message>
    <message>
        <source>The image is a 0 with probability 0.97.</source>
        <translation>Görüntü 0,97 olasılıkla bir 0.</translation>
    </message>
    <message>
        <source>97% of the image&apos;s pixels are ink.</source>
        <translation>Görüntünün piksellerinin %97&apos;si mürekkep.</translation>
    </message>
    <message>
        <source>The network is right on 97% of test images.</source>
        <translation>Ağ, test görüntülerinin %97&apos;sinde doğru bilir.</translation>
    </message>
    <message>
        <source>a&lt;sub&gt;1&lt;/sub&gt;&lt;sup&gt;[3]&lt;/sup&gt; is the output of the last layer&apos;s single sigmoid unit: the estimated probability that y = 1, here that the image is a 1. As 0.97 ≥ 0.5, the prediction is ŷ = 1. It is about this one image, not the network&apos;s accuracy.</source>
        <translation>a&lt;sub&gt;1&lt;/sub&gt;&lt;sup&gt;[3]&lt;/sup&gt;, son katmandaki tek sigmoid birimin çıktısıdır: y = 1 olmasının, burada görüntünün bir 1 olmasının tahmini olasılığı. 0,97 ≥ 0,5 olduğu için tahmin ŷ = 1. Bu sayı yalnızca bu görüntüyle ilgili, ağın doğruluğuyla değil.</translation>
    </message>
    <message>
        <source>x = [{t} °C, {d} min] → normalised [{n1}, {n2}]</source>
        <translation>x = [{t} °C, {d} dk] → normalleştirilmiş [{n1}; {n2}]</translation>
    </message>
    <message>
        <source>a&lt;sup&gt;[1]&lt;/sup&gt; = [{a1}, {a2}, {a3}]</source>
        <translation>a&lt;sup&gt;[1]&lt;/sup&gt; = [{a1}; {a2}; {a3}]</translation>
    </message>
    <message>
        <source>a&lt;sup&gt;[2]&lt;/sup&gt; = {a}</source>
        <translation>a&lt;sup&gt;[2]&lt;/sup&gt; = {a}</translation>
    </message>
    <message>
        <source>{a} ≥ 0.5: &lt;b&gt;a good roast&lt;/b&gt; (ŷ = 1)</source>
        <translation>{a} ≥ 0,5: &lt;b&gt;iyi kavrulmuş&lt;/b&gt; (ŷ = 1)</translation>
    </message>
    <message>
        <source>{a} &amp;lt; 0.5: &lt;b&gt;a bad roast&lt;/b&gt; (ŷ = 0)</source>
        <translation>{a} &amp;lt; 0,5: &lt;b&gt;kötü kavrulmuş&lt;/b&gt; (ŷ = 0)</translation>
    </message>
    <message>
        <source>Training failed: {error}</source>
        <translation>Eğitim başarısız oldu: {error}</translation>
    </message>
    <message>
        <source>Training the network on {count} MNIST 0s and 1s…</source>
        <translation>Ağ {count} MNIST 0&apos;ı ve 1&apos;i üzerinde eğitiliyor…</translation>
    </message>
    <message>
        <source>Waiting for the training to finish…</source>
        <translation>Eğitimin bitmesi bekleniyor…</translation>
    </message>
    <message>
        <source>Trained here in {seconds} s on {count} MNIST 0s and 1s (Adam, binary cross-entropy, {epochs} epochs): right on {accuracy} of the {test} test 0s and 1s.</source>
        <translation>{count} MNIST 0&apos;ı ve 1&apos;i üzerinde burada {seconds} sn&apos;de eğitildi (Adam, ikili çapraz entropi, {epochs} epok); {test} test 0&apos;ı ve 1&apos;inde doğruluk: {accuracy}.</translation>
    </message>
    <message>
        <source>Draw a 1 or a 0 on the canvas to see its a&lt;sub&gt;1&lt;/sub&gt;&lt;sup&gt;[3]&lt;/sup&gt;.</source>
        <translation>a&lt;sub&gt;1&lt;/sub&gt;&lt;sup&gt;[3]&lt;/sup&gt; değerini görmek için tuvale bir 1 ya da bir 0 çiz.</translation>
    </message>
    <message>
        <source>{p} ≥ 0.5: &lt;b&gt;yes&lt;/b&gt;, it is a 1 (ŷ = 1)</source>
        <translation>{p} ≥ 0,5: &lt;b&gt;evet&lt;/b&gt;, bu bir 1 (ŷ = 1)</translation>
    </message>
    <message>
        <source>{p} &amp;lt; 0.5: &lt;b&gt;no&lt;/b&gt;, it is not a 1 (ŷ = 0)</source>
        <translation>{p} &amp;lt; 0,5: &lt;b&gt;hayır&lt;/b&gt;, bu bir 1 değil (ŷ = 0)</translation>
    </message>
    <message>
        <source>a&lt;sub&gt;1&lt;/sub&gt;&lt;sup&gt;[3]&lt;/sup&gt; = {p}</source>
        <translation>a&lt;sub&gt;1&lt;/sub&gt;&lt;sup&gt;[3]&lt;/sup&gt; = {p}</translation>
    </message>
    <message>
        <source>On the way: a&lt;sup&gt;[1]&lt;/sup&gt; has 25 values, a&lt;sup&gt;[2]&lt;/sup&gt; = [{values}].</source>
        <translation>Yol boyunca: a&lt;sup&gt;[1]&lt;/sup&gt; 25 değerden oluşur, a&lt;sup&gt;[2]&lt;/sup&gt; = [{values}].</translation>
    </message>
    <message>
        <source>This small network is trained here for the lesson; it is not the model in use. It only knows 0s and 1s: for any other digit its answer means little.</source>
        <translation>Bu küçük ağ bu ders için burada eğitildi; kullanımdaki model değil. Yalnızca 0&apos;ları ve 1&apos;leri tanır: başka bir rakam için cevabının pek anlamı yok.</translation>
    </message>
    <message>
        <source>The model in use ({model}) reads your drawing as a {digit}.</source>
        <translation>Kullanımdaki model ({model}) çizimini {digit} olarak okuyor.</translation>
    </message>
    <message>
        <source>&lt;b&gt;The coffee-roasting network.&lt;/b&gt; The course&apos;s first network decides whether beans roasted at a temperature for a duration come out well: 2 inputs x = [temperature, duration] → layer 1 with 3 sigmoid units → layer 2 with 1 sigmoid unit. The inputs are normalised first, as the course&apos;s Normalization layer does.</source>
        <translation>&lt;b&gt;Kahve kavurma ağı.&lt;/b&gt; Kursun ilk ağı, bir sıcaklıkta belli bir süre kavrulan çekirdeklerin iyi olup olmadığına karar verir: 2 girdi x = [sıcaklık, süre] → 3 sigmoid birimli 1. katman → 1 sigmoid birimli 2. katman. Girdiler önce, kurstaki Normalization katmanının yaptığı gibi normalleştirilir.</translation>
    </message>
    <message>
        <source>Trained here on the course&apos;s {count} roasts in {ms} ms (Adam, binary cross-entropy): {accuracy} of them classified right.</source>
        <translation>Kursun {count} kavurması üzerinde burada {ms} ms&apos;de eğitildi (Adam, ikili çapraz entropi); doğru sınıflandırma oranı: {accuracy}.</translation>
    </message>
    <message>
        <source>Colour: the output a&lt;sup&gt;[2]&lt;/sup&gt; (orange: good roast, blue: bad). &lt;span style=&apos;color:#aa2814&apos;&gt;✕&lt;/span&gt; good and &lt;span style=&apos;color:#1e46a0&apos;&gt;○&lt;/span&gt; bad roasts of the data. The dark line is the decision boundary a&lt;sup&gt;[2]&lt;/sup&gt; = 0.5. &lt;b&gt;Drag the target&lt;/b&gt; to roast another batch.</source>
        <translation>Renk: a&lt;sup&gt;[2]&lt;/sup&gt; çıktısı (turuncu: iyi kavrulmuş, mavi: kötü). Verideki &lt;span style=&apos;color:#aa2814&apos;&gt;✕&lt;/span&gt; iyi ve &lt;span style=&apos;color:#1e46a0&apos;&gt;○&lt;/span&gt; kötü kavurmalar. Koyu çizgi a&lt;sup&gt;[2]&lt;/sup&gt; = 0,5 karar sınırı. Başka bir parti kavurmak için &lt;b&gt;hedefi sürükle&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>Back to the course&apos;s example [200 °C, 17 min]</source>
        <translation>Kursun örneğine dön [200 °C, 17 dk]</translation>
    </message>
    <message>
        <source>temperature (°C)</source>
        <translation>sıcaklık (°C)</translation>
    </message>
    <message>
        <source>duration (min)</source>
        <translation>süre (dk)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Is it a 1?&lt;/b&gt; The course&apos;s second network reads an image and answers one question: 784 pixels → layer 1 with 25 sigmoid units → layer 2 with 15 → layer 3 with 1 sigmoid unit. Its output a&lt;sub&gt;1&lt;/sub&gt;&lt;sup&gt;[3]&lt;/sup&gt; is the probability that the image is a 1; at 0.5 it decides yes or no.</source>
        <translation>&lt;b&gt;Bu bir 1 mi?&lt;/b&gt; Kursun ikinci ağı bir görüntüyü okur ve tek bir soruyu cevaplar: 784 piksel → 25 sigmoid birimli 1. katman → 15 birimli 2. katman → 1 sigmoid birimli 3. katman. Çıktısı a&lt;sub&gt;1&lt;/sub&gt;&lt;sup&gt;[3]&lt;/sup&gt;, görüntünün bir 1 olma olasılığıdır; 0,5 eşiğinde evet ya da hayır der.</translation>
    </message>
</context>
<context>
    <name>ConvolutionLesson</name>
    <message>
        <source>Convolution</source>
        <translation>Evrişim</translation>
    </message>
    <message>
        <source>A Conv2D layer has 32 filters of 3×3 and reads a one-channel 28×28 image. How many parameters does it have?</source>
        <translation>Bir Conv2D katmanının 3×3&apos;lük 32 filtresi var ve tek kanallı 28×28&apos;lik bir resim okuyor. Kaç parametresi vardır?</translation>
    </message>
    <message>
        <source>3·3·1·32 + 32 = 320</source>
        <translation>3·3·1·32 + 32 = 320</translation>
    </message>
    <message>
        <source>784·32 + 32 = 25,120</source>
        <translation>784·32 + 32 = 25.120</translation>
    </message>
    <message>
        <source>26·26·32 = 21,632</source>
        <translation>26·26·32 = 21.632</translation>
    </message>
    <message>
        <source>784·21,632 + 21,632, as a Dense layer with the same outputs</source>
        <translation>784·21.632 + 21.632, aynı çıktıları veren bir Dense katmanı gibi</translation>
    </message>
    <message>
        <source>Each filter has 3·3 = 9 weights (one input channel) and one bias, and every position of the image reuses them: 32 filters give 32·9 + 32 = 320 parameters, however large the image. The 21,632 outputs would need about 17 million parameters in a Dense layer.</source>
        <translation>Her filtrenin 3·3 = 9 ağırlığı (tek girdi kanalı) ve bir sapması var, resmin her konumu bunları yeniden kullanır: 32 filtre, resim ne kadar büyük olursa olsun 32·9 + 32 = 320 parametre eder. 21.632 çıktı bir Dense katmanında yaklaşık 17 milyon parametre isterdi.</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Duraklat</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Oynat</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Adım</translation>
    </message>
    <message>
        <source>Start over</source>
        <translation>Baştan başla</translation>
    </message>
    <message>
        <source>Cell ({row}, {col}): the window&apos;s nine products w·x</source>
        <translation>Hücre ({row}, {col}): pencerenin dokuz çarpımı w·x</translation>
    </message>
    <message>
        <source>z = Σ w·x + b = {sum} + ({bias}) = &lt;b&gt;{z}&lt;/b&gt;; a = {g}(z) = &lt;b&gt;{a}&lt;/b&gt;</source>
        <translation>z = Σ w·x + b = {sum} + ({bias}) = &lt;b&gt;{z}&lt;/b&gt;; a = {g}(z) = &lt;b&gt;{a}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Neuron ({row}, {col}) of the feature map sees only the {kh}×{kw} window at rows {top}–{bottom}, columns {left}–{right}: {seen} of the {pixels} input numbers. All {cells} neurons of this map use the same {weights} weights and one bias.</source>
        <translation>Öznitelik haritasının ({row}, {col}) nöronu yalnızca {top}–{bottom}. satırlardaki, {left}–{right}. sütunlardaki {kh}×{kw} pencereyi görür: {pixels} girdi sayısının {seen} tanesini. Bu haritanın {cells} nöronunun hepsi aynı {weights} ağırlığı ve tek bir sapmayı kullanır.</translation>
    </message>
    <message>
        <source>The filter is one of the {count} filters of &lt;b&gt;{layer}&lt;/b&gt;, the first convolution of {model}.</source>
        <translation>Filtre, {model} modelinin ilk evrişimi olan &lt;b&gt;{layer}&lt;/b&gt; katmanının {count} filtresinden biri.</translation>
    </message>
    <message>
        <source>{model} has no convolution, so this is the course&apos;s vertical-edge filter (and relu).</source>
        <translation>{model}: evrişim yok, bu yüzden bu, dersteki dikey kenar filtresi (ve relu).</translation>
    </message>
    <message>
        <source>This model</source>
        <translation>Bu model</translation>
    </message>
    <message>
        <source>Draw a digit to see your numbers; until then the input is an MNIST 7.</source>
        <translation>Kendi sayılarını görmek için bir rakam çiz; o zamana kadar girdi MNIST&apos;ten bir 7.</translation>
    </message>
    <message>
        <source>Its 3×3 weights w and bias b = {bias}:</source>
        <translation>3×3 ağırlıkları w ve sapması b = {bias}:</translation>
    </message>
    <message>
        <source>Feature map {h}×{w}</source>
        <translation>Öznitelik haritası {h}×{w}</translation>
    </message>
    <message>
        <source>Input {size}×{size}</source>
        <translation>Girdi {size}×{size}</translation>
    </message>
    <message>
        <source>Check: the model&apos;s own {layer} output for filter {number} equals this map; the largest difference is {difference}.</source>
        <translation>Kontrol: modelin kendi {layer} katmanının {number}. filtre için çıktısı bu haritaya eşit; en büyük fark {difference}.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Convolution&lt;/b&gt;: {kh}·{kw}·{cin}·{filters} weights + {filters} biases = &lt;b&gt;{conv}&lt;/b&gt; parameters for {outputs} outputs ({h}×{w}×{filters}).&lt;br&gt;&lt;b&gt;Dense layer&lt;/b&gt; with the same {outputs} outputs from the {inputs} pixels: {inputs}·{outputs} weights + {outputs} biases = &lt;b&gt;{dense}&lt;/b&gt; parameters.&lt;br&gt;That is {ratio} times as many.</source>
        <translation>&lt;b&gt;Evrişim&lt;/b&gt;: {outputs} çıktı ({h}×{w}×{filters}) için {kh}·{kw}·{cin}·{filters} ağırlık + {filters} sapma = &lt;b&gt;{conv}&lt;/b&gt; parametre.&lt;br&gt;{inputs} pikselden aynı {outputs} çıktıyı veren &lt;b&gt;Dense katmanı&lt;/b&gt;: {inputs}·{outputs} ağırlık + {outputs} sapma = &lt;b&gt;{dense}&lt;/b&gt; parametre.&lt;br&gt;Bu, {ratio} kat daha fazla.</translation>
    </message>
    <message>
        <source>A convolutional layer slides a small filter over the image. At each position it multiplies the filter&apos;s 3×3 weights w by the 3×3 pixels x under it, adds them up with the bias: z = Σ w·x + b, and applies its activation. Each result fills one cell of the &lt;b&gt;feature map&lt;/b&gt;. Press Play or Step.</source>
        <translation>Evrişimli bir katman resmin üzerinde küçük bir filtre kaydırır. Her konumda filtrenin 3×3 ağırlığını (w) altındaki 3×3 pikselle (x) çarpar, sapmayla birlikte toplar: z = Σ w·x + b, sonra aktivasyonunu uygular. Her sonuç &lt;b&gt;öznitelik haritasının&lt;/b&gt; bir hücresini doldurur. Oynat&apos;a ya da Adım&apos;a tıkla.</translation>
    </message>
    <message>
        <source>Filter:</source>
        <translation>Filtre:</translation>
    </message>
    <message>
        <source>&lt;b&gt;Each neuron sees only part of the input.&lt;/b&gt; In a Dense layer every neuron reads all 784 pixels; a neuron of a feature map reads only its small window, its &lt;i&gt;receptive field&lt;/i&gt;, and all neurons of one map share the same weights.</source>
        <translation>&lt;b&gt;Her nöron girdinin yalnızca bir parçasını görür.&lt;/b&gt; Dense katmanında her nöron 784 pikselin hepsini okur; bir öznitelik haritasının nöronu ise yalnızca kendi küçük penceresini, &lt;i&gt;algı alanını&lt;/i&gt; okur ve bir haritanın bütün nöronları aynı ağırlıkları paylaşır.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Why that needs fewer parameters.&lt;/b&gt; The same few weights are reused at every position, so a convolution&apos;s size does not grow with the image.</source>
        <translation>&lt;b&gt;Bu yüzden daha az parametre gerekir.&lt;/b&gt; Aynı birkaç ağırlık her konumda yeniden kullanılır, bu yüzden bir evrişimin boyutu resimle birlikte büyümez.</translation>
    </message>
    <message>
        <source>Fewer parameters train faster, need less data and overfit less; and a filter that finds an edge in one place finds it everywhere.</source>
        <translation>Daha az parametre daha hızlı eğitilir, daha az veri ister ve daha az aşırı öğrenir; bir yerde kenar bulan filtre onu her yerde bulur.</translation>
    </message>
</context>
<context>
    <name>CrowdView</name>
    <message>
        <source>What it sees</source>
        <translation>Gördüğü</translation>
    </message>
    <message>
        <source>{count} pattern detectors</source>
        <translation>{count} desen algılayıcı</translation>
    </message>
    <message>
        <source>{count} deeper patterns</source>
        <translation>{count} daha derin desen</translation>
    </message>
    <message>
        <source>{count} neurons</source>
        <translation>{count} nöron</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Cevap</translation>
    </message>
    <message>
        <source>INSIDE THE NETWORK</source>
        <translation>AĞIN İÇİ</translation>
    </message>
    <message>
        <source>Draw a digit to wake the network up</source>
        <translation>Ağı uyandırmak için bir rakam çiz</translation>
    </message>
</context>
<context>
    <name>DrawingCanvas</name>
    <message>
        <source>Write a number</source>
        <translation>Bir sayı yaz</translation>
    </message>
    <message>
        <source>Draw a digit here</source>
        <translation>Buraya bir rakam çiz</translation>
    </message>
</context>
<context>
    <name>EvaluateView</name>
    <message>
        <source>Data set</source>
        <translation>Veri kümesi</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>MNIST test, first {count}</source>
        <translation>MNIST test, ilk {count}</translation>
    </message>
    <message>
        <source>MNIST test, all {count}</source>
        <translation>MNIST test, tümü ({count})</translation>
    </message>
    <message>
        <source>My labelled samples</source>
        <translation>Etiketli örneklerim</translation>
    </message>
    <message>
        <source>A folder of labelled images (PNG + labels.csv)…</source>
        <translation>Etiketli görüntü klasörü (PNG + labels.csv)…</translation>
    </message>
    <message>
        <source>Folder: {name}</source>
        <translation>Klasör: {name}</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Seç…</translation>
    </message>
    <message>
        <source>A folder of PNG images with a labels.csv (file,label)</source>
        <translation>labels.csv (file,label) içeren PNG görüntüleri klasörü</translation>
    </message>
    <message>
        <source>The model in use</source>
        <translation>Kullanılan model</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Çalıştır</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>İptal</translation>
    </message>
    <message>
        <source>Accuracy per digit</source>
        <translation>Rakam başına doğruluk</translation>
    </message>
    <message>
        <source>Row-normalised</source>
        <translation>Satıra göre yüzde</translation>
    </message>
    <message>
        <source>Each row in percent of its true digit&apos;s samples</source>
        <translation>Her satır, o gerçek rakamın örneklerine göre yüzde olarak</translation>
    </message>
    <message>
        <source>Save Matrix as PNG…</source>
        <translation>Matrisi PNG olarak kaydet…</translation>
    </message>
    <message>
        <source>Save Mistakes as CSV…</source>
        <translation>Hataları CSV olarak kaydet…</translation>
    </message>
    <message>
        <source>true digit</source>
        <translation>gerçek rakam</translation>
    </message>
    <message>
        <source>predicted digit</source>
        <translation>tahmin edilen rakam</translation>
    </message>
    <message>
        <source>A folder of labelled images (PNG + labels.csv)</source>
        <translation>Etiketli görüntü klasörü (PNG + labels.csv)</translation>
    </message>
    <message>
        <source>Choose a folder of labelled images first.</source>
        <translation>Önce etiketli görüntülerin olduğu bir klasör seç.</translation>
    </message>
    <message>
        <source>The model is still loading.</source>
        <translation>Model hâlâ yükleniyor.</translation>
    </message>
    <message>
        <source>Evaluating…</source>
        <translation>Değerlendiriliyor…</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>İptal edildi.</translation>
    </message>
    <message>
        <source>Choose a data set and a model, then Run.</source>
        <translation>Bir veri kümesi ve bir model seç, sonra Çalıştır&apos;a bas.</translation>
    </message>
    <message>
        <source>Accuracy {accuracy} on {count} samples: {wrong} mistakes · {model}</source>
        <translation>{count} örnekte doğruluk {accuracy}: {wrong} hata · {model}</translation>
    </message>
    <message>
        <source>{count} rows of labels.csv skipped (unreadable or not a digit)</source>
        <translation>labels.csv dosyasının {count} satırı atlandı (okunamadı ya da rakam değil)</translation>
    </message>
    <message>
        <source>{digit}: {right} of {total} right</source>
        <translation>{digit}: {total} örnekten {right} doğru</translation>
    </message>
    <message>
        <source>{true} → {predicted}
{confidence}</source>
        <translation>{true} → {predicted}
{confidence}</translation>
    </message>
    <message>
        <source>Sample {key}: true {true}, predicted {predicted} ({confidence} sure). Click to put it on the canvas.</source>
        <translation>Örnek {key}: gerçek {true}, tahmin {predicted} ({confidence} emin). Tuvale koymak için tıkla.</translation>
    </message>
    <message>
        <source>Click a cell of the matrix to see its samples.</source>
        <translation>Örneklerini görmek için matristen bir hücreye tıkla.</translation>
    </message>
    <message>
        <source>True {true}, read as {predicted}: {count} right, most confident first.</source>
        <translation>Gerçek {true}, {predicted} olarak okundu: {count} doğru, en emin olunan önce.</translation>
    </message>
    <message>
        <source>True {true}, read as {predicted}: {count} mistakes, most confident first.</source>
        <translation>Gerçek {true}, {predicted} olarak okundu: {count} hata, en emin olunan önce.</translation>
    </message>
    <message>
        <source>Save Matrix as PNG</source>
        <translation>Matrisi PNG olarak kaydet</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG görüntüleri (*.png)</translation>
    </message>
    <message>
        <source>Could not write {file}.</source>
        <translation>{file} yazılamadı.</translation>
    </message>
    <message>
        <source>Save Mistakes as CSV</source>
        <translation>Hataları CSV olarak kaydet</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV dosyaları (*.csv)</translation>
    </message>
    <message>
        <source>Could not write {file}:
{reason}</source>
        <translation>{file} yazılamadı:
{reason}</translation>
    </message>
    <message>
        <source>{count} mistakes written to {file}.</source>
        <translation>{count} hata {file} dosyasına yazıldı.</translation>
    </message>
</context>
<context>
    <name>ForwardLesson</name>
    <message>
        <source>Forward propagation in NumPy</source>
        <translation>NumPy ile ileri yayılım</translation>
    </message>
    <message>
        <source>In the course&apos;s example W has shape (2, 3). How many units does the layer have?</source>
        <translation>Dersin örneğinde W&apos;nin boyutu (2, 3). Katmanda kaç birim var?</translation>
    </message>
    <message>
        <source>3 units, each reading 2 inputs</source>
        <translation>3 birim, her biri 2 girdi okur</translation>
    </message>
    <message>
        <source>2 units, each reading 3 inputs</source>
        <translation>2 birim, her biri 3 girdi okur</translation>
    </message>
    <message>
        <source>6 units, one per weight</source>
        <translation>6 birim, her ağırlık için bir tane</translation>
    </message>
    <message>
        <source>1 unit with 6 weights</source>
        <translation>6 ağırlıklı 1 birim</translation>
    </message>
    <message>
        <source>Each column of W is one unit&apos;s weights: W[:, j] is w&lt;sub&gt;j&lt;/sub&gt;, with one weight per input. 2 rows are 2 inputs, 3 columns are 3 units — and b has 3 numbers, one bias per unit.</source>
        <translation>W&apos;nin her sütunu bir birimin ağırlıklarıdır: W[:, j], her girdi için bir ağırlık içeren w&lt;sub&gt;j&lt;/sub&gt;&apos;dir. 2 satır 2 girdi, 3 sütun 3 birim demektir — b&apos;de de her birim için bir sapma olmak üzere 3 sayı vardır.</translation>
    </message>
    <message>
        <source>&lt;b&gt;j = {j}&lt;/b&gt;: w = W[:, {j}] = {w}&lt;br&gt;&amp;nbsp;&amp;nbsp;z = w · a_in + b[{j}] = {products} + {bias} = {z}&lt;br&gt;&amp;nbsp;&amp;nbsp;a_out[{j}] = sigmoid({z}) = &lt;b&gt;{a}&lt;/b&gt;</source>
        <translation>&lt;b&gt;j = {j}&lt;/b&gt;: w = W[:, {j}] = {w}&lt;br&gt;&amp;nbsp;&amp;nbsp;z = w · a_in + b[{j}] = {products} + {bias} = {z}&lt;br&gt;&amp;nbsp;&amp;nbsp;a_out[{j}] = sigmoid({z}) = &lt;b&gt;{a}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Start again</source>
        <translation>Baştan başla</translation>
    </message>
    <message>
        <source>Next unit</source>
        <translation>Sonraki birim</translation>
    </message>
    <message>
        <source>Press “Next unit” to run the loop&apos;s first pass (j = 0).</source>
        <translation>Döngünün ilk turunu (j = 0) çalıştırmak için “Sonraki birim”e tıkla.</translation>
    </message>
    <message>
        <source>The loop is done: dense returns a_out = {a_out}, one number per unit.</source>
        <translation>Döngü bitti: dense, her birim için bir sayı olmak üzere a_out = {a_out} döndürür.</translation>
    </message>
    <message>
        <source>The course writes a dense layer in NumPy as a loop over its units. This is that code, and it is the very code that computes the numbers of this lesson:</source>
        <translation>Ders, NumPy&apos;da yoğun bir katmanı birimleri üzerinde bir döngü olarak yazar. İşte o kod; bu dersin sayılarını hesaplayan da tam olarak bu kod:</translation>
    </message>
    <message>
        <source>W has one &lt;b&gt;column per unit&lt;/b&gt;: W[:, j] is unit j&apos;s weights w&lt;sub&gt;j&lt;/sub&gt;, one per input, and b[j] its bias. The loop computes z = w · a_in + b[j] and a_out[j] = g(z) for j = 0, 1, 2, …; sequential feeds each layer&apos;s output to the next layer.</source>
        <translation>W&apos;de &lt;b&gt;her birim için bir sütun&lt;/b&gt; var: W[:, j], j biriminin ağırlıkları w&lt;sub&gt;j&lt;/sub&gt;&apos;dir (her girdi için bir tane), b[j] de sapmasıdır. Döngü j = 0, 1, 2, … için z = w · a_in + b[j] ve a_out[j] = g(z) hesaplar; sequential her katmanın çıktısını bir sonraki katmana verir.</translation>
    </message>
    <message>
        <source>The course&apos;s example: a layer of 3 units reading 2 inputs, with g = sigmoid. Step through the loop one unit at a time (NumPy counts from 0).</source>
        <translation>Dersin örneği: 2 girdi okuyan 3 birimlik bir katman, g = sigmoid. Döngüde birer birim ilerle (NumPy 0&apos;dan sayar).</translation>
    </message>
    <message>
        <source>The same sequential loop on your drawing: x is its 784 pixels (28×28, flattened), and every layer is one call of dense.</source>
        <translation>Aynı sequential döngüsü çiziminde: x onun 784 pikseli (28×28, düzleştirilmiş) ve her katman dense&apos;in bir çağrısı.</translation>
    </message>
    <message>
        <source>Your model, &lt;b&gt;{model}&lt;/b&gt;, is not a pure dense network (it has other kinds of layers), so this runs the course&apos;s network, &lt;b&gt;course-mlp&lt;/b&gt; (784 → 25 → 15 → 10), on your drawing.</source>
        <translation>&lt;b&gt;{model}&lt;/b&gt; modelin saf bir yoğun ağ değil (başka türde katmanları var), bu yüzden burada çiziminde dersin ağı &lt;b&gt;course-mlp&lt;/b&gt; (784 → 25 → 15 → 10) çalışıyor.</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>henüz yok</translation>
    </message>
    <message>
        <source>The network is the model in use, &lt;b&gt;{model}&lt;/b&gt;.</source>
        <translation>Ağ, kullanılan model: &lt;b&gt;{model}&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>Draw a digit to send it through the network.</source>
        <translation>Ağdan geçirmek için bir rakam çiz.</translation>
    </message>
    <message>
        <source>x: {count} numbers</source>
        <translation>x: {count} sayı</translation>
    </message>
    <message>
        <source>{name} = dense(…, {g}): {n_in} → {units} numbers</source>
        <translation>{name} = dense(…, {g}): {n_in} → {units} sayı</translation>
    </message>
    <message>
        <source>The output, {count} numbers:</source>
        <translation>Çıktı, {count} sayı:</translation>
    </message>
    <message>
        <source>These are the logits; the largest is digit {digit}&apos;s, so the network says &lt;b&gt;{digit}&lt;/b&gt;.</source>
        <translation>Bunlar logit&apos;ler; en büyüğü {digit} rakamınınki, yani ağın tahmini &lt;b&gt;{digit}&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>The largest is digit {digit}&apos;s, so the network says &lt;b&gt;{digit}&lt;/b&gt;.</source>
        <translation>En büyüğü {digit} rakamınınki, yani ağın tahmini &lt;b&gt;{digit}&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>course-mlp&apos;s engine, for the same drawing</source>
        <translation>aynı çizim için course-mlp&apos;nin motoru</translation>
    </message>
    <message>
        <source>the app&apos;s live engine</source>
        <translation>uygulamanın canlı motoru</translation>
    </message>
    <message>
        <source>The loop gives the same numbers as {source}: the largest difference over every unit of every layer is &lt;b&gt;{difference}&lt;/b&gt; (rounding of 32-bit floats).</source>
        <translation>Döngü, {source} ile aynı sayıları verir: her katmanın her birimindeki en büyük fark &lt;b&gt;{difference}&lt;/b&gt; (32 bitlik kayan nokta yuvarlaması).</translation>
    </message>
</context>
<context>
    <name>HandwritingCollector</name>
    <message>
        <source>{count} {name}</source>
        <translation>{count} tane {digit}</translation>
    </message>
    <message>
        <source>Could not keep the drawing: {reason}</source>
        <translation>Çizim saklanamadı: {reason}</translation>
    </message>
    <message>
        <source>Click the digit you meant to keep this drawing</source>
        <translation>Saklamak için doğru rakama tıkla</translation>
    </message>
    <message>
        <source>Click the digit you meant to keep it  ·  {count} kept</source>
        <translation>Saklamak için doğru rakama tıkla  ·  {count} saklı</translation>
    </message>
</context>
<context>
    <name>HandwritingView</name>
    <message>
        <source>My handwriting</source>
        <translation>El yazım</translation>
    </message>
    <message>
        <source>All digits</source>
        <translation>Tüm rakamlar</translation>
    </message>
    <message>
        <source>Only {digit}s</source>
        <translation>Yalnızca {digit}</translation>
    </message>
    <message>
        <source>Nothing kept yet. Draw a digit, then click the digit you meant (or press Ctrl+0 … Ctrl+9): the drawing is kept here.</source>
        <translation>Henüz saklanan çizim yok. Bir rakam çiz, sonra kastettiğin rakama tıkla (ya da Ctrl+0 … Ctrl+9 tuşlarına bas): çizim burada saklanır.</translation>
    </message>
    <message>
        <source>Relabel</source>
        <translation>Yeniden etiketle</translation>
    </message>
    <message>
        <source>It is a {digit}</source>
        <translation>Bu bir {digit}</translation>
    </message>
    <message>
        <source>It is an {digit}</source>
        <translation>Bu bir {digit}</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Sil</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>İçe aktar…</translation>
    </message>
    <message>
        <source>Add a folder of PNGs with a labels.csv (file,label)</source>
        <translation>labels.csv (file,label) içeren bir PNG klasörü ekle</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Dışa aktar…</translation>
    </message>
    <message>
        <source>Write every kept drawing as a 28×28 PNG, with labels.csv (file,label)</source>
        <translation>Saklanan her çizimi labels.csv (file,label) ile birlikte 28×28 PNG olarak yaz</translation>
    </message>
    <message>
        <source>Adapt the model to my handwriting…</source>
        <translation>Modeli el yazıma uyarla…</translation>
    </message>
    <message>
        <source>Fine-tune a copy of the current model on your drawings, then compare before and after</source>
        <translation>Geçerli modelin bir kopyasını çizimlerinle ince ayarla, sonra öncesiyle sonrasını karşılaştır</translation>
    </message>
    <message>
        <source>Your drawings cannot be read: {reason}</source>
        <translation>Çizimlerin okunamıyor: {reason}</translation>
    </message>
    <message>
        <source>1 drawing · {per_digit}</source>
        <translation>1 çizim · {per_digit}</translation>
    </message>
    <message>
        <source>{count} drawings · {per_digit}</source>
        <translation>{count} çizim · {per_digit}</translation>
    </message>
    <message>
        <source>{label} · read {answer}</source>
        <translation>{label} · okunan {answer}</translation>
    </message>
    <message>
        <source>Labelled {label} · kept {when} in the window</source>
        <translation>Etiket {label} · {when} tarihinde pencerede saklandı</translation>
    </message>
    <message>
        <source>Labelled {label} · kept {when} at the kiosk</source>
        <translation>Etiket {label} · {when} tarihinde kioskta saklandı</translation>
    </message>
    <message>
        <source>Labelled {label} · imported {when}</source>
        <translation>Etiket {label} · {when} tarihinde içe aktarıldı</translation>
    </message>
    <message>
        <source>Labelled {label} · kept {when} from the command line</source>
        <translation>Etiket {label} · {when} tarihinde komut satırından saklandı</translation>
    </message>
    <message>
        <source>Labelled {label} · kept {when}</source>
        <translation>Etiket {label} · {when} tarihinde saklandı</translation>
    </message>
    <message>
        <source>{model} said it was not a digit then</source>
        <translation>{model} o zaman bunun rakam olmadığını söyledi</translation>
    </message>
    <message>
        <source>The model said it was not a digit then</source>
        <translation>Model o zaman bunun rakam olmadığını söyledi</translation>
    </message>
    <message>
        <source>{model} said {digit} then</source>
        <translation>{model} o zaman {digit} dedi</translation>
    </message>
    <message>
        <source>The model said {digit} then</source>
        <translation>Model o zaman {digit} dedi</translation>
    </message>
    <message>
        <source>{model} reads {digit} now</source>
        <translation>{model} şimdi {digit} olarak okuyor</translation>
    </message>
    <message>
        <source>Could not relabel</source>
        <translation>Yeniden etiketlenemedi</translation>
    </message>
    <message>
        <source>Could not delete</source>
        <translation>Silinemedi</translation>
    </message>
    <message>
        <source>Show on the Canvas</source>
        <translation>Tuvalde göster</translation>
    </message>
    <message>
        <source>Import drawings (a folder with labels.csv)</source>
        <translation>Çizimleri içe aktar (labels.csv içeren bir klasör)</translation>
    </message>
    <message>
        <source>Could not import</source>
        <translation>İçe aktarılamadı</translation>
    </message>
    <message>
        <source>1 drawing imported from {folder}.</source>
        <translation>{folder} klasöründen 1 çizim içe aktarıldı.</translation>
    </message>
    <message>
        <source>{count} drawings imported from {folder}.</source>
        <translation>{folder} klasöründen {count} çizim içe aktarıldı.</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>İçe aktarıldı</translation>
    </message>
    <message>
        <source>Export your drawings to a folder</source>
        <translation>Çizimlerini bir klasöre dışa aktar</translation>
    </message>
    <message>
        <source>Could not export</source>
        <translation>Dışa aktarılamadı</translation>
    </message>
    <message>
        <source>1 drawing written to {folder} as a PNG with labels.csv.</source>
        <translation>1 çizim, labels.csv ile birlikte PNG olarak {folder} klasörüne yazıldı.</translation>
    </message>
    <message>
        <source>{count} drawings written to {folder} as PNGs with labels.csv.</source>
        <translation>{count} çizim, labels.csv ile birlikte PNG olarak {folder} klasörüne yazıldı.</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>Dışa aktarıldı</translation>
    </message>
</context>
<context>
    <name>InputPreview</name>
    <message>
        <source>What the network sees</source>
        <translation>Ağın gördüğü</translation>
    </message>
</context>
<context>
    <name>KioskScreen</name>
    <message>
        <source>Clear</source>
        <translation>Temizle</translation>
    </message>
    <message>
        <source>Did I get it right?</source>
        <translation>Doğru bildim mi?</translation>
    </message>
    <message>
        <source>✓  Yes</source>
        <translation>✓  Evet</translation>
    </message>
    <message>
        <source>✗  No</source>
        <translation>✗  Hayır</translation>
    </message>
    <message>
        <source>Which digit was it?</source>
        <translation>Hangi rakamdı?</translation>
    </message>
    <message>
        <source>Watch the network read handwriting, then try it yourself!</source>
        <translation>Ağın el yazısını nasıl okuduğunu izle, sonra sen de dene!</translation>
    </message>
    <message>
        <source>Write a number. Watch a neural network read it.</source>
        <translation>Bir sayı yaz. Bir sinir ağının onu okuyuşunu izle.</translation>
    </message>
    <message>
        <source>Draw a digit. Watch a neural network read it.</source>
        <translation>Bir rakam çiz. Bir sinir ağının onu okuyuşunu izle.</translation>
    </message>
    <message>
        <source>Thanks — I&apos;ll learn from it!</source>
        <translation>Teşekkürler — bundan öğreneceğim!</translation>
    </message>
    <message>
        <source>Thanks — counted!</source>
        <translation>Teşekkürler — sayıldı!</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>Digit Studio — Booth</source>
        <translation>Digit Studio — Stant</translation>
    </message>
    <message>
        <source>Warming up the network…</source>
        <translation>Ağ ısınıyor…</translation>
    </message>
    <message>
        <source>Watch me read…</source>
        <translation>Nasıl okuduğumu izle…</translation>
    </message>
    <message>
        <source>Write a number</source>
        <translation>Bir sayı yaz</translation>
    </message>
    <message>
        <source>Hmm, the orange one doesn&apos;t look like a digit. Write digits from 0&#xa0;to&#xa0;9!</source>
        <translation>Hmm, turuncu olan bir rakama benzemiyor. 0&#xa0;ile&#xa0;9 arasında rakamlar yaz!</translation>
    </message>
    <message>
        <source>Hmm, the orange ones don&apos;t look like digits. Write digits from 0&#xa0;to&#xa0;9!</source>
        <translation>Hmm, turuncu olanlar rakama benzemiyor. 0&#xa0;ile&#xa0;9 arasında rakamlar yaz!</translation>
    </message>
    <message>
        <source>{count} digits · least sure {percent}</source>
        <translation>{count} rakam · en az {percent} emin</translation>
    </message>
    <message>
        <source>Tap a digit to see its bars</source>
        <translation>Çubuklarını görmek için bir rakama dokun</translation>
    </message>
    <message>
        <source>{count} drawing today</source>
        <translation>Bugün {count} çizim</translation>
    </message>
    <message>
        <source>{count} drawings today</source>
        <translation>Bugün {count} çizim</translation>
    </message>
    <message>
        <source>{count} drawing today · {percent} right</source>
        <translation>Bugün {count} çizim · {percent} doğru</translation>
    </message>
    <message>
        <source>{count} drawings today · {percent} right</source>
        <translation>Bugün {count} çizim · {percent} doğru</translation>
    </message>
</context>
<context>
    <name>LearnPanel</name>
    <message>
        <source>No lessons in this build</source>
        <translation>Bu sürümde ders yok</translation>
    </message>
    <message>
        <source>Check yourself</source>
        <translation>Kendini dene</translation>
    </message>
    <message>
        <source>Step {step} of {steps}</source>
        <translation>Adım {step} / {steps}</translation>
    </message>
    <message>
        <source>Next lesson ›</source>
        <translation>Sonraki ders ›</translation>
    </message>
    <message>
        <source>Next ›</source>
        <translation>İleri ›</translation>
    </message>
    <message>
        <source>Learn</source>
        <translation>Öğren</translation>
    </message>
    <message>
        <source>‹ Back</source>
        <translation>‹ Geri</translation>
    </message>
    <message>
        <source>{number}. {title}</source>
        <translation>{number}. {title}</translation>
    </message>
    <message>
        <source>{done} of {count} done</source>
        <translation>{done} / {count} tamam</translation>
    </message>
</context>
<context>
    <name>LossPlot</name>
    <message>
        <source>batch loss</source>
        <translation>yığın kaybı</translation>
    </message>
    <message>
        <source>smoothed</source>
        <translation>yumuşatılmış</translation>
    </message>
    <message>
        <source>val loss</source>
        <translation>doğr. kaybı</translation>
    </message>
    <message>
        <source>val acc</source>
        <translation>doğr. doğruluğu</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>epok</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>kayıp</translation>
    </message>
    <message>
        <source>val accuracy</source>
        <translation>doğrulama doğruluğu</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Digit Studio</source>
        <translation>Digit Studio</translation>
    </message>
    <message>
        <source>Brush</source>
        <translation>Fırça</translation>
    </message>
    <message>
        <source>Brush size</source>
        <translation>Fırça boyutu</translation>
    </message>
    <message>
        <source>Eraser</source>
        <translation>Silgi</translation>
    </message>
    <message>
        <source>Erase with the left button, pen or finger (the right button always erases)</source>
        <translation>Sol tuş, kalem ya da parmakla sil (sağ tuş her zaman siler)</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Geri al</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Yinele</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Temizle</translation>
    </message>
    <message>
        <source>Train…</source>
        <translation>Eğit…</translation>
    </message>
    <message>
        <source>Learn…</source>
        <translation>Öğren…</translation>
    </message>
    <message>
        <source>The course&apos;s lessons, with your drawing&apos;s own numbers (F1)</source>
        <translation>Dersin konuları, kendi çiziminin sayılarıyla (F1)</translation>
    </message>
    <message>
        <source>Learn</source>
        <translation>Öğren</translation>
    </message>
    <message>
        <source>&amp;Learn: the Course&apos;s Lessons</source>
        <translation>Öğ&amp;ren: dersin konuları</translation>
    </message>
    <message>
        <source>Train a network and watch it learn (Ctrl+T)</source>
        <translation>Bir ağ eğit ve öğrenişini izle (Ctrl+T)</translation>
    </message>
    <message>
        <source>Train a network</source>
        <translation>Ağ eğit</translation>
    </message>
    <message>
        <source>My handwriting</source>
        <translation>El yazım</translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation>Değerlendir</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Dosya</translation>
    </message>
    <message>
        <source>Shipped &amp;Models</source>
        <translation>Hazır &amp;modeller</translation>
    </message>
    <message>
        <source>&amp;Open Model…</source>
        <translation>Model &amp;aç…</translation>
    </message>
    <message>
        <source>&amp;Save Model As…</source>
        <translation>Modeli farklı &amp;kaydet…</translation>
    </message>
    <message>
        <source>Save &amp;Drawing as PNG…</source>
        <translation>Çizimi &amp;PNG olarak kaydet…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Çık</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>Dü&amp;zen</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Geri al</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Yinele</translation>
    </message>
    <message>
        <source>&amp;Clear</source>
        <translation>&amp;Temizle</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Görünüm</translation>
    </message>
    <message>
        <source>&amp;Network Layers</source>
        <translation>Ağ &amp;katmanları</translation>
    </message>
    <message>
        <source>&amp;Training Panel</source>
        <translation>&amp;Eğitim paneli</translation>
    </message>
    <message>
        <source>&amp;Evaluate…</source>
        <translation>&amp;Değerlendir…</translation>
    </message>
    <message>
        <source>Run a model over a labelled data set: confusion matrix and mistakes</source>
        <translation>Bir modeli etiketli bir veri kümesinde çalıştır: karışıklık matrisi ve hatalar</translation>
    </message>
    <message>
        <source>Check with &amp;NumPy</source>
        <translation>&amp;NumPy ile denetle</translation>
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation>&amp;Tam ekran</translation>
    </message>
    <message>
        <source>N&amp;umber Mode</source>
        <translation>&amp;Sayı modu</translation>
    </message>
    <message>
        <source>Write several digits left to right and read the whole number</source>
        <translation>Soldan sağa birkaç rakam yaz, sayının tamamını oku</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Dil</translation>
    </message>
    <message>
        <source>&amp;Teach</source>
        <translation>Öğ&amp;ret</translation>
    </message>
    <message>
        <source>&amp;Keep Drawing As</source>
        <translation>Çizimi şöyle &amp;sakla</translation>
    </message>
    <message>
        <source>&amp;My Handwriting</source>
        <translation>&amp;El yazım</translation>
    </message>
    <message>
        <source>&amp;Adapt the Model to My Handwriting…</source>
        <translation>Modeli el yazıma &amp;uyarla…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Yardım</translation>
    </message>
    <message>
        <source>&amp;About Digit Studio</source>
        <translation>Digit Studio &amp;hakkında</translation>
    </message>
    <message>
        <source>Number mode: write several digits left to right. The canvas was cleared.</source>
        <translation>Sayı modu: soldan sağa birkaç rakam yaz. Tuval temizlendi.</translation>
    </message>
    <message>
        <source>Number mode: write several digits left to right.</source>
        <translation>Sayı modu: soldan sağa birkaç rakam yaz.</translation>
    </message>
    <message>
        <source>Digit mode: draw one digit. The canvas was cleared.</source>
        <translation>Rakam modu: tek bir rakam çiz. Tuval temizlendi.</translation>
    </message>
    <message>
        <source>Digit mode: draw one digit.</source>
        <translation>Rakam modu: tek bir rakam çiz.</translation>
    </message>
    <message>
        <source>A kept drawing is one digit: turn Number Mode off (Ctrl+Shift+N) to keep drawings</source>
        <translation>Saklanan bir çizim tek bir rakamdır: çizim saklamak için sayı modunu kapat (Ctrl+Shift+N)</translation>
    </message>
    <message>
        <source>{device} · {model}</source>
        <translation>{device} · {model}</translation>
    </message>
    <message>
        <source>No model</source>
        <translation>Model yok</translation>
    </message>
    <message>
        <source>The recognition engine could not start</source>
        <translation>Tanıma motoru başlatılamadı</translation>
    </message>
    <message>
        <source>Loading the model…</source>
        <translation>Model yükleniyor…</translation>
    </message>
    <message>
        <source>Loading {model}…</source>
        <translation>{model} yükleniyor…</translation>
    </message>
    <message>
        <source>Now using {model}</source>
        <translation>Artık {model} kullanılıyor</translation>
    </message>
    <message>
        <source>The recognition engine could not start:

{reason}</source>
        <translation>Tanıma motoru başlatılamadı:

{reason}</translation>
    </message>
    <message>
        <source>Still using {model}.</source>
        <translation>Hâlâ {model} kullanılıyor.</translation>
    </message>
    <message>
        <source>No model is in use.</source>
        <translation>Kullanımda model yok.</translation>
    </message>
    <message>
        <source>Could not open the model</source>
        <translation>Model açılamadı</translation>
    </message>
    <message>
        <source>Draw a digit first, then say which digit it is.</source>
        <translation>Önce bir rakam çiz, sonra hangi rakam olduğunu söyle.</translation>
    </message>
    <message>
        <source>Kept as an {digit}: {counted} in My handwriting (Ctrl+H).</source>
        <translation>{digit} olarak saklandı: El yazım&apos;da toplam {counted} (Ctrl+H).</translation>
    </message>
    <message>
        <source>Kept as a {digit}: {counted} in My handwriting (Ctrl+H).</source>
        <translation>{digit} olarak saklandı: El yazım&apos;da toplam {counted} (Ctrl+H).</translation>
    </message>
    <message>
        <source>Kept as an {digit} ✓  ·  {counted} kept</source>
        <translation>{digit} olarak saklandı ✓  ·  toplam {counted}</translation>
    </message>
    <message>
        <source>Kept as a {digit} ✓  ·  {counted} kept</source>
        <translation>{digit} olarak saklandı ✓  ·  toplam {counted}</translation>
    </message>
    <message>
        <source>That drawing was imported as a picture; it has no strokes to draw.</source>
        <translation>Bu çizim resim olarak içe aktarıldı; çizilecek vuruşu yok.</translation>
    </message>
    <message>
        <source>The trained model is now in use; File ▸ Save Model As… keeps it on disk.</source>
        <translation>Eğitilen model artık kullanımda; Dosya ▸ Modeli farklı kaydet… onu diske kaydeder.</translation>
    </message>
    <message>
        <source>Could not save the adapted model</source>
        <translation>Uyarlanan model kaydedilemedi</translation>
    </message>
    <message>
        <source>The adapted model is saved as {file} among your models.</source>
        <translation>Uyarlanan model, modellerinin arasına {file} adıyla kaydedildi.</translation>
    </message>
    <message>
        <source>Recognition failed: {reason}</source>
        <translation>Tanıma başarısız: {reason}</translation>
    </message>
    <message>
        <source>Open Model</source>
        <translation>Model aç</translation>
    </message>
    <message>
        <source>Keras models (*.keras);;All files (*)</source>
        <translation>Keras modelleri (*.keras);;Tüm dosyalar (*)</translation>
    </message>
    <message>
        <source>Save Model</source>
        <translation>Modeli kaydet</translation>
    </message>
    <message>
        <source>The model is still loading.</source>
        <translation>Model hâlâ yükleniyor.</translation>
    </message>
    <message>
        <source>Save Model As</source>
        <translation>Modeli farklı kaydet</translation>
    </message>
    <message>
        <source>Keras models (*.keras)</source>
        <translation>Keras modelleri (*.keras)</translation>
    </message>
    <message>
        <source>Could not save the model</source>
        <translation>Model kaydedilemedi</translation>
    </message>
    <message>
        <source>Saved {file}</source>
        <translation>{file} kaydedildi</translation>
    </message>
    <message>
        <source>Save Drawing</source>
        <translation>Çizimi kaydet</translation>
    </message>
    <message>
        <source>The canvas is empty: draw a digit first.</source>
        <translation>Tuval boş: önce bir rakam çiz.</translation>
    </message>
    <message>
        <source>Save Drawing as PNG</source>
        <translation>Çizimi PNG olarak kaydet</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG görüntüleri (*.png)</translation>
    </message>
    <message>
        <source>Could not save the drawing</source>
        <translation>Çizim kaydedilemedi</translation>
    </message>
    <message>
        <source>Could not write {file}:
{reason}</source>
        <translation>{file} yazılamadı:
{reason}</translation>
    </message>
    <message>
        <source>About Digit Studio</source>
        <translation>Digit Studio hakkında</translation>
    </message>
</context>
<context>
    <name>ModeToggle</name>
    <message>
        <source>One digit</source>
        <translation>Tek rakam</translation>
    </message>
    <message>
        <source>A number</source>
        <translation>Bir sayı</translation>
    </message>
</context>
<context>
    <name>ModelLabel</name>
    <message>
        <source>{name} (shipped)</source>
        <translation>{name} (hazır)</translation>
    </message>
    <message>
        <source>{name} (training)</source>
        <translation>{name} (eğitiliyor)</translation>
    </message>
    <message>
        <source>{name} (trained, unsaved)</source>
        <translation>{name} (eğitildi, kaydedilmedi)</translation>
    </message>
</context>
<context>
    <name>MultiLabelLesson</name>
    <message>
        <source>Multi-label: several digits at once</source>
        <translation>Çok etiketli: aynı anda birkaç rakam</translation>
    </message>
    <message>
        <source>A picture holds a 3 and a 7. Which output layer can answer “both”?</source>
        <translation>Bir resimde bir 3 ve bir 7 var. Hangi çıktı katmanı “ikisi de” diyebilir?</translation>
    </message>
    <message>
        <source>Ten sigmoid units: a&lt;sub&gt;3&lt;/sub&gt; and a&lt;sub&gt;7&lt;/sub&gt; can both be near 1, since each answers its own yes/no question.</source>
        <translation>On sigmoid birimi: a&lt;sub&gt;3&lt;/sub&gt; ve a&lt;sub&gt;7&lt;/sub&gt; ikisi birden 1&apos;e yakın olabilir, çünkü her biri kendi evet/hayır sorusunu cevaplar.</translation>
    </message>
    <message>
        <source>A softmax over ten digits: it gives 3 and 7 each a probability near 1.</source>
        <translation>On rakam üzerinde bir softmax: 3&apos;e de 7&apos;ye de 1&apos;e yakın bir olasılık verir.</translation>
    </message>
    <message>
        <source>A single sigmoid unit whose output is the digit divided by 10.</source>
        <translation>Çıktısı rakamın 10&apos;a bölümü olan tek bir sigmoid birimi.</translation>
    </message>
    <message>
        <source>Any of them: the loss function decides how many digits are found.</source>
        <translation>Hepsi olur: kaç rakam bulunacağına kayıp fonksiyonu karar verir.</translation>
    </message>
    <message>
        <source>Softmax outputs share a total of 1, so at most one of them can be near 1: it picks ONE digit. Ten sigmoid units are independent (each trained with binary cross-entropy), so several can say yes; the answer is every digit with a&lt;sub&gt;j&lt;/sub&gt; ≥ 0.5.</source>
        <translation>Softmax çıktıları toplam 1&apos;i paylaşır, bu yüzden en fazla biri 1&apos;e yakın olabilir: TEK bir rakam seçer. On sigmoid birimi birbirinden bağımsızdır (her biri ikili çapraz entropiyle eğitilir), bu yüzden birkaçı evet diyebilir; cevap a&lt;sub&gt;j&lt;/sub&gt; ≥ 0,5 olan her rakamdır.</translation>
    </message>
    <message>
        <source>no digit</source>
        <translation>hiçbir rakam</translation>
    </message>
    <message>
        <source>{first} and {last}</source>
        <translation>{first} ve {last}</translation>
    </message>
    <message>
        <source>The multi-label model could not be loaded: {error}</source>
        <translation>Çok etiketli model yüklenemedi: {error}</translation>
    </message>
    <message>
        <source>A held-out picture of {truth}. The ten sigmoid outputs: a&lt;sub&gt;{a}&lt;/sub&gt; = {pa}, a&lt;sub&gt;{b}&lt;/sub&gt; = {pb}, the other eight under {low}; the model says &lt;b&gt;{answer}&lt;/b&gt;. They add up to {total}: not a probability distribution, ten separate answers. A softmax of the same logits would have to share 1: {a} gets {sa}, {b} gets {sb}.</source>
        <translation>Eğitimde görülmemiş bir resim: {truth}. On sigmoid çıktısı: a&lt;sub&gt;{a}&lt;/sub&gt; = {pa}, a&lt;sub&gt;{b}&lt;/sub&gt; = {pb}, diğer sekizi {low} altında; model &lt;b&gt;{answer}&lt;/b&gt; diyor. Toplamları {total}: bir olasılık dağılımı değil, on ayrı cevap. Aynı logitlerin softmax&apos;ı 1&apos;i paylaştırmak zorunda kalırdı: {a} için {sa}, {b} için {sb}.</translation>
    </message>
    <message>
        <source>The model says: &lt;b&gt;{answer}&lt;/b&gt;</source>
        <translation>Model diyor ki: &lt;b&gt;{answer}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Draw a digit on the canvas: it goes into the left half, shrunk to 14×14.</source>
        <translation>Tuvale bir rakam çiz: 14×14&apos;e küçültülüp sol yarıya konur.</translation>
    </message>
    <message>
        <source>The digit model ({model}) reads your drawing as a {digit}; with the right half the picture should hold {expected}. Σ a&lt;sub&gt;j&lt;/sub&gt; = {total}.</source>
        <translation>Rakam modeli ({model}) çizimini {digit} olarak okuyor; sağ yarıyla birlikte resimde {expected} olmalı. Σ a&lt;sub&gt;j&lt;/sub&gt; = {total}.</translation>
    </message>
    <message>
        <source>says {answer} {mark}</source>
        <translation>cevap: {answer} {mark}</translation>
    </message>
    <message>
        <source>On {count} held-out pictures made from MNIST&apos;s test digits (never seen in training), the set of digits with a&lt;sub&gt;j&lt;/sub&gt; ≥ 0.5 is exactly the true pair for &lt;b&gt;{exact}&lt;/b&gt; of them: {rate} exact match.</source>
        <translation>MNIST&apos;in test rakamlarından yapılmış (eğitimde hiç görülmemiş) {count} resmin &lt;b&gt;{exact}&lt;/b&gt; tanesinde a&lt;sub&gt;j&lt;/sub&gt; ≥ 0,5 olan rakamlar tam olarak doğru çift: {rate} tam eşleşme.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Softmax picks ONE digit&lt;/b&gt;: its ten outputs share a total of 1. To ask “which digits are in this picture?”, the output layer has ten &lt;b&gt;sigmoid&lt;/b&gt; units instead, each trained with binary cross-entropy on its own yes/no question: a&lt;sub&gt;j&lt;/sub&gt; = P(digit j is in the picture). Every digit with a&lt;sub&gt;j&lt;/sub&gt; ≥ 0.5 (the dashed line) is in the answer.</source>
        <translation>&lt;b&gt;Softmax TEK bir rakam seçer&lt;/b&gt;: on çıktısı toplam 1&apos;i paylaşır. “Bu resimde hangi rakamlar var?” diye sormak için çıktı katmanında bunun yerine on &lt;b&gt;sigmoid&lt;/b&gt; birimi olur; her biri kendi evet/hayır sorusu için ikili çapraz entropiyle eğitilir: a&lt;sub&gt;j&lt;/sub&gt; = P(resimde j rakamı var). a&lt;sub&gt;j&lt;/sub&gt; ≥ 0,5 olan (kesikli çizgi) her rakam cevaba girer.</translation>
    </message>
    <message>
        <source>Your drawing, shrunk into the left half of a picture, beside a digit from MNIST&apos;s test set in the right half, read by a small multi-label network trained on pairs of digits.</source>
        <translation>Çizimin küçültülüp bir resmin sol yarısına, MNIST test kümesinden bir rakam da sağ yarısına konur; resmi, rakam çiftleriyle eğitilmiş küçük bir çok etiketli ağ okur.</translation>
    </message>
    <message>
        <source>Left: your drawing.</source>
        <translation>Sol: senin çizimin.</translation>
    </message>
    <message>
        <source>Right:</source>
        <translation>Sağ:</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>boş</translation>
    </message>
    <message>
        <source>an MNIST {digit}</source>
        <translation>MNIST&apos;ten bir {digit}</translation>
    </message>
    <message>
        <source>Held-out pictures of two digits and what the model says (✓: exactly the pair).</source>
        <translation>Eğitimde görülmemiş iki rakamlı resimler ve modelin cevabı (✓: tam olarak doğru çift).</translation>
    </message>
</context>
<context>
    <name>NetworkText</name>
    <message>
        <source>, </source>
        <comment>between the numbers of a list</comment>
        <translation>; </translation>
    </message>
    <message>
        <source>the NumPy engine (float32)</source>
        <translation>NumPy motoru (float32)</translation>
    </message>
    <message>
        <source>engine</source>
        <translation>motor</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Girdi</translation>
    </message>
    <message>
        <source>28×28 pixels</source>
        <translation>28×28 piksel</translation>
    </message>
    <message>
        <source>Output · layer {number}</source>
        <translation>Çıktı · katman {number}</translation>
    </message>
    <message>
        <source>Layer {number}</source>
        <translation>Katman {number}</translation>
    </message>
    <message>
        <source>Conv {number}</source>
        <translation>Evrişim {number}</translation>
    </message>
    <message>
        <source>Max pool</source>
        <translation>Maks. havuzlama</translation>
    </message>
    <message>
        <source>Avg pool</source>
        <translation>Ort. havuzlama</translation>
    </message>
    <message>
        <source>10 digits · softmax</source>
        <translation>10 rakam · softmax</translation>
    </message>
    <message>
        <source>most active · click to pick</source>
        <translation>en aktif · seçmek için tıkla</translation>
    </message>
    <message>
        <source>click it again to unpin</source>
        <translation>bırakmak için yine tıkla</translation>
    </message>
    <message>
        <source>click a neuron to pick</source>
        <translation>seçmek için bir nörona tıkla</translation>
    </message>
    <message>
        <source>Weights into {neuron}</source>
        <translation>{neuron} ağırlıkları</translation>
    </message>
    <message>
        <source>Filter {unit} of {layer}</source>
        <translation>{layer} · filtre {unit}</translation>
    </message>
    <message>
        <source>{layer} · channel {channel}</source>
        <translation>{layer} · kanal {channel}</translation>
    </message>
    <message>
        <source>NumPy forward: {numpy} · {engine}: {value} · |Δ| = {difference}</source>
        <translation>NumPy ileri yayılım: {numpy} · {engine}: {value} · |Δ| = {difference}</translation>
    </message>
    <message>
        <source>Draw a digit to see the numbers.</source>
        <translation>Sayıları görmek için bir rakam çiz.</translation>
    </message>
    <message>
        <source>at row {row}, column {column}</source>
        <translation>satır {row}, sütun {column}</translation>
    </message>
    <message>
        <source>Output layer {layer} · neuron {unit} · digit {digit}</source>
        <translation>Çıktı katmanı {layer} · nöron {unit} · rakam {digit}</translation>
    </message>
    <message>
        <source>{name} · {inputs} inputs</source>
        <translation>{name} · {inputs} girdi</translation>
    </message>
    <message>
        <source>Layer {layer} · neuron {unit}</source>
        <translation>Katman {layer} · nöron {unit}</translation>
    </message>
    <message>
        <source>{name} · {activation} · {inputs} inputs</source>
        <translation>{name} · {activation} · {inputs} girdi</translation>
    </message>
    <message>
        <source>softmax of the 10 outputs → P(y = {digit} | x) = &lt;b&gt;{probability}&lt;/b&gt;</source>
        <translation>10 çıktının softmax&apos;ı → P(y = {digit} | x) = &lt;b&gt;{probability}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>softmax of the 10 outputs ÷ T = {temperature} → P(y = {digit} | x) = &lt;b&gt;{probability}&lt;/b&gt;</source>
        <translation>10 çıktının softmax&apos;ı ÷ T = {temperature} → P(y = {digit} | x) = &lt;b&gt;{probability}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>T: the model&apos;s calibration, so that “{percent} sure” is right {percent} of the time</source>
        <translation>T: modelin kalibrasyonu; böylece “{percent} emin” dediği yanıtların {percent} kadarı doğru çıkar</translation>
    </message>
    <message>
        <source>pixel ({row}, {column})</source>
        <translation>piksel ({row}, {column})</translation>
    </message>
    <message>
        <source>biggest terms w·a: {terms}</source>
        <translation>en büyük w·a terimleri: {terms}</translation>
    </message>
    <message>
        <source>{layer} · channel {channel} of {count}</source>
        <translation>{layer} · kanal {channel} / {count}</translation>
    </message>
    <message>
        <source>{name} · {activation} · {size} filter</source>
        <translation>{name} · {activation} · {size} filtre</translation>
    </message>
    <message>
        <source>a = g(Σ filter ⊙ patch + b): the filter slid over the layer before</source>
        <translation>a = g(Σ filtre ⊙ yama + b): filtre, önceki katmanın üzerinde kaydırılır</translation>
    </message>
    <message>
        <source>{summary} · click: its filter</source>
        <translation>{summary} · tıkla: filtresi</translation>
    </message>
    <message>
        <source>{name} · {size} windows · no weights</source>
        <translation>{name} · {size} pencereler · ağırlık yok</translation>
    </message>
    <message>
        <source>a = max of each {size} window of the layer before</source>
        <translation>a = önceki katmanın her {size} penceresindeki en büyük değer</translation>
    </message>
    <message>
        <source>a = mean of each {size} window of the layer before</source>
        <translation>a = önceki katmanın her {size} penceresindeki değerlerin ortalaması</translation>
    </message>
    <message>
        <source>channel {channel}: max {max} at ({row}, {column}) · mean {mean}</source>
        <translation>kanal {channel}: en büyük {max}, konum ({row}, {column}) · ortalama {mean}</translation>
    </message>
    <message>
        <source>Input x = a&lt;sup&gt;[0]&lt;/sup&gt;</source>
        <translation>Girdi x = a&lt;sup&gt;[0]&lt;/sup&gt;</translation>
    </message>
    <message>
        <source>the 28×28 image the network sees, 0 = black, 1 = ink</source>
        <translation>ağın gördüğü 28×28 görüntü, 0 = siyah, 1 = mürekkep</translation>
    </message>
    <message>
        <source>pixel row {row}, column {column}: x = &lt;b&gt;{x}&lt;/b&gt;</source>
        <translation>piksel: satır {row}, sütun {column}: x = &lt;b&gt;{x}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>lines the {inputs} values up into one vector of {outputs}: no computation</source>
        <translation>{inputs} değeri {outputs} uzunluğunda tek bir vektöre dizer: hesaplama yok</translation>
    </message>
    <message>
        <source>{inputs} → {outputs}: the same numbers, arranged for the layers after it</source>
        <translation>{inputs} → {outputs}: aynı sayılar, sonraki katmanlar için yeniden dizilir</translation>
    </message>
    <message>
        <source>during training zeroes {rate} of its inputs at random; when recognising it passes them through unchanged</source>
        <translation>eğitim sırasında girdilerinin {rate} kadarını rastgele sıfırlar; tanırken onları değiştirmeden geçirir</translation>
    </message>
    <message>
        <source>normalises each of its {channels} channels: γ(x − μ)/√(σ² + ε) + β</source>
        <translation>{channels} kanalının her birini normalleştirir: γ(x − μ)/√(σ² + ε) + β</translation>
    </message>
    <message>
        <source>e.g. channel 0: γ = {gamma}, β = {beta}, μ = {mean}, σ² = {variance}</source>
        <translation>örn. kanal 0: γ = {gamma}; β = {beta}; μ = {mean}; σ² = {variance}</translation>
    </message>
    <message>
        <source>blue: positive · orange: negative · dark: near 0 (scale ±{top})</source>
        <translation>mavi: pozitif · turuncu: negatif · koyu: 0&apos;a yakın (ölçek ±{top})</translation>
    </message>
    <message>
        <source>click a neuron or a channel to pin it here; click it again to follow the most active</source>
        <translation>burada sabitlemek için bir nörona ya da kanala tıkla; en aktif olanı izlemek için yine tıkla</translation>
    </message>
</context>
<context>
    <name>NeuronsLesson</name>
    <message>
        <source>Neurons and layers</source>
        <translation>Nöronlar ve katmanlar</translation>
    </message>
    <message>
        <source>In a&lt;sub&gt;3&lt;/sub&gt;&lt;sup&gt;[2]&lt;/sup&gt;, what does the superscript [2] tell you?</source>
        <translation>a&lt;sub&gt;3&lt;/sub&gt;&lt;sup&gt;[2]&lt;/sup&gt; ifadesinde üstteki [2] sana ne söyler?</translation>
    </message>
    <message>
        <source>Which layer: it is an activation of layer 2</source>
        <translation>Hangi katman: 2. katmanın bir aktivasyonu</translation>
    </message>
    <message>
        <source>Which unit: it is the second unit of its layer</source>
        <translation>Hangi birim: katmanının ikinci birimi</translation>
    </message>
    <message>
        <source>That the activation is squared</source>
        <translation>Aktivasyonun karesinin alındığını</translation>
    </message>
    <message>
        <source>That the unit looks for the digit 2</source>
        <translation>Birimin 2 rakamını aradığını</translation>
    </message>
    <message>
        <source>The superscript in square brackets is the layer; the subscript (here 3) is the unit within that layer. So a&lt;sub&gt;3&lt;/sub&gt;&lt;sup&gt;[2]&lt;/sup&gt; is the output of unit 3 of layer 2.</source>
        <translation>Köşeli parantez içindeki üst simge katmandır; alt simge (burada 3) o katmandaki birimdir. Yani a&lt;sub&gt;3&lt;/sub&gt;&lt;sup&gt;[2]&lt;/sup&gt;, 2. katmanın 3. biriminin çıktısıdır.</translation>
    </message>
    <message>
        <source>A neuron (a &lt;b&gt;unit&lt;/b&gt;) reads every number of the layer before it, multiplies each by its own &lt;b&gt;weight&lt;/b&gt;, adds them up with its &lt;b&gt;bias&lt;/b&gt; and passes the sum through the layer&apos;s &lt;b&gt;activation function&lt;/b&gt; g:</source>
        <translation>Bir nöron (bir &lt;b&gt;birim&lt;/b&gt;) önceki katmanın her sayısını okur, her birini kendi &lt;b&gt;ağırlığıyla&lt;/b&gt; çarpar, bunları &lt;b&gt;sapmasıyla&lt;/b&gt; birlikte toplar ve toplamı katmanın &lt;b&gt;aktivasyon fonksiyonu&lt;/b&gt; g&apos;den geçirir:</translation>
    </message>
    <message>
        <source>The superscript &lt;b&gt;[l]&lt;/b&gt; says which &lt;b&gt;layer&lt;/b&gt;: [1] is the first layer of units, [2] the next; a&lt;sup&gt;[0]&lt;/sup&gt; is the input, your drawing&apos;s 784 pixels. The subscript &lt;b&gt;j&lt;/b&gt; says which &lt;b&gt;unit&lt;/b&gt; of that layer. &lt;b&gt;w&lt;/b&gt;&lt;sub&gt;j&lt;/sub&gt;&lt;sup&gt;[l]&lt;/sup&gt; is a vector (one weight per input), b&lt;sub&gt;j&lt;/sub&gt;&lt;sup&gt;[l]&lt;/sup&gt; a single number, and the dot · multiplies and adds.</source>
        <translation>Üst simge &lt;b&gt;[l]&lt;/b&gt; hangi &lt;b&gt;katman&lt;/b&gt; olduğunu söyler: [1] birimlerin ilk katmanı, [2] bir sonraki; a&lt;sup&gt;[0]&lt;/sup&gt; girdidir, çiziminin 784 pikseli. Alt simge &lt;b&gt;j&lt;/b&gt; o katmanın hangi &lt;b&gt;birimi&lt;/b&gt; olduğunu söyler. &lt;b&gt;w&lt;/b&gt;&lt;sub&gt;j&lt;/sub&gt;&lt;sup&gt;[l]&lt;/sup&gt; bir vektördür (her girdi için bir ağırlık), b&lt;sub&gt;j&lt;/sub&gt;&lt;sup&gt;[l]&lt;/sup&gt; tek bir sayıdır ve · noktası çarpıp toplar.</translation>
    </message>
    <message>
        <source>Pick a neuron. It starts at the most active unit of the first hidden layer for your drawing.</source>
        <translation>Bir nöron seç. Başlangıçta çizimin için ilk gizli katmanın en aktif birimi seçilidir.</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Katman</translation>
    </message>
    <message>
        <source>Unit j</source>
        <translation>Birim j</translation>
    </message>
    <message>
        <source>Most active</source>
        <translation>En aktif</translation>
    </message>
    <message>
        <source>The unit of this layer with the largest activation</source>
        <translation>Bu katmanın en büyük aktivasyonlu birimi</translation>
    </message>
    <message>
        <source>Show it in the network view</source>
        <translation>Ağ görünümünde göster</translation>
    </message>
    <message>
        <source>weights w (blue +, orange −)</source>
        <translation>ağırlıklar w (mavi +, turuncu −)</translation>
    </message>
    <message>
        <source>w × your drawing</source>
        <translation>w × çizimin</translation>
    </message>
    <message>
        <source>[{l}] {name}: {units} units, {g}</source>
        <translation>[{l}] {name}: {units} birim, {g}</translation>
    </message>
    <message>
        <source>No model is loaded yet.</source>
        <translation>Henüz bir model yüklenmedi.</translation>
    </message>
    <message>
        <source>This model has no Dense layer: pick a dense network such as course-mlp.</source>
        <translation>Bu modelde Dense katman yok: course-mlp gibi yoğun bir ağ seç.</translation>
    </message>
    <message>
        <source>Your model, &lt;b&gt;{model}&lt;/b&gt;, has these Dense layers:</source>
        <translation>&lt;b&gt;{model}&lt;/b&gt; modelinin Dense katmanları:</translation>
    </message>
    <message>
        <source>Its {count} convolution layers come first, so its first Dense layer is layer [{l}]; its input is the last feature maps, not the pixels.</source>
        <translation>Önce {count} evrişim katmanı gelir, bu yüzden ilk Dense katmanı [{l}] katmanıdır; girdisi pikseller değil, son öznitelik haritalarıdır.</translation>
    </message>
    <message>
        <source>g = {g}, the activation of layer [{l}]</source>
        <translation>g = {g}, [{l}] katmanının aktivasyonu</translation>
    </message>
    <message>
        <source>b = {b}</source>
        <translation>b = {b}</translation>
    </message>
    <message>
        <source>Draw a digit to see your numbers: a&lt;sup&gt;[{previous}]&lt;/sup&gt; comes from your drawing.</source>
        <translation>Kendi sayılarını görmek için bir rakam çiz: a&lt;sup&gt;[{previous}]&lt;/sup&gt; çiziminden gelir.</translation>
    </message>
    <message>
        <source>w · a = {dot} (the sum of {count} products)</source>
        <translation>w · a = {dot} ({count} çarpımın toplamı)</translation>
    </message>
    <message>
        <source>z = w · a + b = {z}</source>
        <translation>z = w · a + b = {z}</translation>
    </message>
    <message>
        <source>a = g(z) = {g}({z}) = &lt;b&gt;{a}&lt;/b&gt;</source>
        <translation>a = g(z) = {g}({z}) = &lt;b&gt;{a}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>The network computed a&lt;sub&gt;{j}&lt;/sub&gt;&lt;sup&gt;[{l}]&lt;/sup&gt; = {value} for your drawing: the same number (difference {difference}).</source>
        <translation>Ağ, çizimin için a&lt;sub&gt;{j}&lt;/sub&gt;&lt;sup&gt;[{l}]&lt;/sup&gt; = {value} hesapladı: aynı sayı (fark {difference}).</translation>
    </message>
    <message>
        <source>(softmax is the one g that needs every z of the layer, not just this one.)</source>
        <translation>(softmax, yalnızca bunu değil, katmanın bütün z değerlerini isteyen tek g&apos;dir.)</translation>
    </message>
    <message>
        <source>Unit {j} of layer [{l}] reads the pixels: it has one weight per pixel, 784 in all, drawn here as a 28×28 picture. Ink on blue pixels raises z, ink on orange pixels lowers it.</source>
        <translation>[{l}] katmanının {j}. birimi pikselleri okur: her piksel için bir ağırlığı var, toplam 784; burada 28×28 bir resim olarak çizildi. Mavi piksellerdeki mürekkep z&apos;yi artırır, turuncu piksellerdeki azaltır.</translation>
    </message>
    <message>
        <source>Draw a digit to see which of its pixels count.</source>
        <translation>Hangi piksellerinin önemli olduğunu görmek için bir rakam çiz.</translation>
    </message>
    <message>
        <source>The right picture adds up to w · a = {dot}: the pixels you inked, each times its weight.</source>
        <translation>Sağdaki resmin toplamı w · a = {dot}: boyadığın pikseller, her biri kendi ağırlığıyla çarpılmış.</translation>
    </message>
    <message>
        <source>Unit {j} of layer [{l}] does not read pixels: it reads the {count} outputs of the layer before it, so here are its {count} weights, one bar each (blue +, orange −).</source>
        <translation>[{l}] katmanının {j}. birimi pikselleri okumaz: önceki katmanın {count} çıktısını okur; işte {count} ağırlığı, her biri bir çubuk (mavi +, turuncu −).</translation>
    </message>
    <message>
        <source>Pick a unit of the first Dense layer to see its 784 weights as a picture.</source>
        <translation>784 ağırlığını resim olarak görmek için ilk Dense katmandan bir birim seç.</translation>
    </message>
    <message>
        <source>This model&apos;s Dense layers read feature maps, never the pixels: pick the course-mlp model to see a unit&apos;s weights as a picture.</source>
        <translation>Bu modelin Dense katmanları pikselleri değil, öznitelik haritalarını okur: bir birimin ağırlıklarını resim olarak görmek için course-mlp modelini seç.</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>Staff PIN</source>
        <translation>Personel PIN&apos;i</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>İptal</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Tamam</translation>
    </message>
</context>
<context>
    <name>PredictionPanel</name>
    <message>
        <source>Box {boxes} doesn&apos;t look like a digit</source>
        <translation>{boxes}. kutu bir rakama benzemiyor</translation>
    </message>
    <message>
        <source>Boxes {boxes} don&apos;t look like digits</source>
        <translation>{boxes}. kutular rakama benzemiyor</translation>
    </message>
    <message>
        <source>{count} digits</source>
        <translation>{count} rakam</translation>
    </message>
    <message>
        <source>least sure: {digit} at {percent}</source>
        <translation>en az emin: {digit}, {percent}</translation>
    </message>
    <message>
        <source>Write a number</source>
        <translation>Bir sayı yaz</translation>
    </message>
    <message>
        <source>for {digit}</source>
        <translation>{digit} için</translation>
    </message>
    <message>
        <source>Click the digit you meant to keep this drawing (Ctrl+0 … Ctrl+9)</source>
        <translation>Bu çizimi saklamak için doğru rakama tıkla (Ctrl+0 … Ctrl+9)</translation>
    </message>
    <message>
        <source>Which pixels mattered</source>
        <translation>Hangi pikseller önemliydi</translation>
    </message>
    <message>
        <source>Colour the pixels the network used: orange speaks for the digit, blue against it (each square covered in turn)</source>
        <translation>Ağın kullandığı pikselleri boya: turuncu rakamın lehine, mavi aleyhine (her kare sırayla kapatılır)</translation>
    </message>
    <message>
        <source>Which digit to explain: the answer, or any digit (“why not 4?”)</source>
        <translation>Hangi rakam açıklansın: cevap ya da herhangi bir rakam (“neden 4 değil?”)</translation>
    </message>
    <message>
        <source>Compare…</source>
        <translation>Karşılaştır…</translation>
    </message>
    <message>
        <source>Show a second model&apos;s bars beside this one&apos;s, for the same drawing</source>
        <translation>Aynı çizim için ikinci bir modelin çubuklarını bunun yanında göster</translation>
    </message>
    <message>
        <source>for {digit} ✓</source>
        <translation>{digit} için ✓</translation>
    </message>
    <message>
        <source>for the answer</source>
        <translation>cevap için</translation>
    </message>
    <message>
        <source>this model</source>
        <translation>bu model</translation>
    </message>
    <message>
        <source>Digit {position} of {count} · point at a box to see another</source>
        <translation>{count} rakamın {position}. · başkası için bir kutunun üstüne gel</translation>
    </message>
</context>
<context>
    <name>QuestionCard</name>
    <message>
        <source>✓ Right.</source>
        <translation>✓ Doğru.</translation>
    </message>
    <message>
        <source>✗ Not quite: the answer is “{answer}”.</source>
        <translation>✗ Tam değil: cevap “{answer}”.</translation>
    </message>
    <message>
        <source>Check yourself</source>
        <translation>Kendini dene</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Denetle</translation>
    </message>
</context>
<context>
    <name>ResultCard</name>
    <message>
        <source>Keep this model</source>
        <translation>Bu modeli sakla</translation>
    </message>
    <message>
        <source>Use the trained network from now on</source>
        <translation>Bundan sonra eğitilen ağı kullan</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Vazgeç</translation>
    </message>
    <message>
        <source>Throw the trained network away: the previous model comes back</source>
        <translation>Eğitilen ağı at: önceki model geri gelir</translation>
    </message>
    <message>
        <source>test accuracy · {count} unseen images</source>
        <translation>test doğruluğu · görülmemiş {count} görüntü</translation>
    </message>
</context>
<context>
    <name>SoftmaxLesson</name>
    <message>
        <source>Softmax and logits</source>
        <translation>Softmax ve logitler</translation>
    </message>
    <message>
        <source>Why does the course give the output layer a linear activation and train with SparseCategoricalCrossentropy(from_logits=True)?</source>
        <translation>Kurs neden çıktı katmanına doğrusal (linear) aktivasyon veriyor ve SparseCategoricalCrossentropy(from_logits=True) ile eğitiyor?</translation>
    </message>
    <message>
        <source>TensorFlow then computes the loss from the logits directly, which avoids the round-off of computing softmax first.</source>
        <translation>TensorFlow kaybı doğrudan logitlerden hesaplar; böylece önce softmax hesaplamanın yuvarlama hatasından kaçınılır.</translation>
    </message>
    <message>
        <source>A linear layer trains faster than a softmax layer.</source>
        <translation>Doğrusal bir katman, softmax katmanından daha hızlı eğitilir.</translation>
    </message>
    <message>
        <source>Softmax cannot be differentiated, so it must stay out of the network.</source>
        <translation>Softmax&apos;ın türevi alınamaz, bu yüzden ağın dışında kalmalıdır.</translation>
    </message>
    <message>
        <source>So that model.predict gives probabilities.</source>
        <translation>model.predict olasılık versin diye.</translation>
    </message>
    <message>
        <source>With from_logits=True the loss is computed as log Σ e&lt;sup&gt;z&lt;sub&gt;k&lt;/sub&gt;&lt;/sup&gt; − z&lt;sub&gt;y&lt;/sub&gt; with the largest logit taken out first: no e&lt;sup&gt;z&lt;/sup&gt; overflows and no probability rounds to 0. The price: the model outputs logits z, and you apply softmax yourself to get probabilities (the app&apos;s bars do).</source>
        <translation>from_logits=True ile kayıp, en büyük logit önce çıkarılarak log Σ e&lt;sup&gt;z&lt;sub&gt;k&lt;/sub&gt;&lt;/sup&gt; − z&lt;sub&gt;y&lt;/sub&gt; olarak hesaplanır: hiçbir e&lt;sup&gt;z&lt;/sup&gt; taşmaz, hiçbir olasılık 0&apos;a yuvarlanmaz. Bedeli: model logit z verir; olasılıkları almak için softmax&apos;ı sen uygularsın (uygulamanın çubukları bunu yapar).</translation>
    </message>
    <message>
        <source>Your drawing&apos;s logits, from the output layer of &lt;b&gt;{model}&lt;/b&gt;:</source>
        <translation>Çiziminin logitleri, &lt;b&gt;{model}&lt;/b&gt; modelinin çıktı katmanından:</translation>
    </message>
    <message>
        <source>&lt;i&gt;Draw a digit to see your numbers.&lt;/i&gt; Meanwhile, the course&apos;s example with four classes, z = (1, 2, 3, 4):</source>
        <translation>&lt;i&gt;Kendi sayılarını görmek için bir rakam çiz.&lt;/i&gt; O zamana kadar kursun dört sınıflı örneği, z = (1, 2, 3, 4):</translation>
    </message>
    <message>
        <source>bar</source>
        <translation>çubuk</translation>
    </message>
    <message>
        <source>Σ&lt;sub&gt;k&lt;/sub&gt; e&lt;sup&gt;z&lt;sub&gt;k&lt;/sub&gt;&lt;/sup&gt; = {total}; each a&lt;sub&gt;j&lt;/sub&gt; = e&lt;sup&gt;z&lt;sub&gt;j&lt;/sub&gt;&lt;/sup&gt; / {total}, and the a&lt;sub&gt;j&lt;/sub&gt; add up to 1. The largest logit, z&lt;sub&gt;{top}&lt;/sub&gt;, gets the largest probability.</source>
        <translation>Σ&lt;sub&gt;k&lt;/sub&gt; e&lt;sup&gt;z&lt;sub&gt;k&lt;/sub&gt;&lt;/sup&gt; = {total}; her a&lt;sub&gt;j&lt;/sub&gt; = e&lt;sup&gt;z&lt;sub&gt;j&lt;/sub&gt;&lt;/sup&gt; / {total} ve a&lt;sub&gt;j&lt;/sub&gt;&apos;lerin toplamı 1&apos;dir. En büyük logit z&lt;sub&gt;{top}&lt;/sub&gt;, en büyük olasılığı alır.</translation>
    </message>
    <message>
        <source>The app&apos;s bars (above, and the last column) divide the logits by the model&apos;s calibration temperature T = {T} first: bar&lt;sub&gt;j&lt;/sub&gt; = softmax(z / T)&lt;sub&gt;j&lt;/sub&gt;. That makes the confidence honest without changing which digit wins.</source>
        <translation>Uygulamanın çubukları (yukarıda ve son sütunda) logitleri önce modelin kalibrasyon sıcaklığı T = {T} ile böler: çubuk&lt;sub&gt;j&lt;/sub&gt; = softmax(z / T)&lt;sub&gt;j&lt;/sub&gt;. Bu, hangi rakamın kazandığını değiştirmeden güveni dürüst kılar.</translation>
    </message>
    <message>
        <source>With a drawing, the last column is the app&apos;s bar: softmax(z / T), with the model&apos;s calibration temperature T.</source>
        <translation>Bir çizimle son sütun uygulamanın çubuğudur: modelin kalibrasyon sıcaklığı T ile softmax(z / T).</translation>
    </message>
    <message>
        <source>softmax first</source>
        <translation>önce softmax</translation>
    </message>
    <message>
        <source>from logits</source>
        <translation>logitlerden</translation>
    </message>
    <message>
        <source>largest exponential</source>
        <translation>en büyük üstel</translation>
    </message>
    <message>
        <source>sum of exponentials</source>
        <translation>üstellerin toplamı</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>kayıp</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;{style}&apos;&gt;Softmax first breaks:&lt;/span&gt; {why}</source>
        <translation>&lt;span style=&apos;{style}&apos;&gt;Önce softmax çöküyor:&lt;/span&gt; {why}</translation>
    </message>
    <message>
        <source>e&lt;sup&gt;z&lt;/sup&gt; overflowed float32 (largest ≈ 3.4·10&lt;sup&gt;38&lt;/sup&gt;, so z above 88.7), and inf / inf is nan.</source>
        <translation>e&lt;sup&gt;z&lt;/sup&gt; float32&apos;yi taştı (en büyüğü ≈ 3,4·10&lt;sup&gt;38&lt;/sup&gt;, yani z 88,7&apos;nin üstünde) ve inf / inf = nan.</translation>
    </message>
    <message>
        <source>a&lt;sub&gt;y&lt;/sub&gt; rounded to 0 and −log 0 is infinite.</source>
        <translation>a&lt;sub&gt;y&lt;/sub&gt; 0&apos;a yuvarlandı ve −log 0 sonsuzdur.</translation>
    </message>
    <message>
        <source>Softmax first gives {loss}: off by {error}.</source>
        <translation>Önce softmax {loss} veriyor: {error} kadar sapmış.</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;{style}&apos;&gt;From the logits:&lt;/span&gt; {loss}; the exact value (float64) is {exact}.</source>
        <translation>&lt;span style=&apos;{style}&apos;&gt;Logitlerden:&lt;/span&gt; {loss}; tam değer (float64) {exact}.</translation>
    </message>
    <message>
        <source>&lt;b&gt;From logits to probabilities.&lt;/b&gt; The output layer computes ten numbers z&lt;sub&gt;j&lt;/sub&gt; = w&lt;sub&gt;j&lt;/sub&gt;·a + b&lt;sub&gt;j&lt;/sub&gt;, one per digit: the &lt;i&gt;logits&lt;/i&gt;. Softmax turns them into probabilities: a&lt;sub&gt;j&lt;/sub&gt; = e&lt;sup&gt;z&lt;sub&gt;j&lt;/sub&gt;&lt;/sup&gt; / Σ&lt;sub&gt;k&lt;/sub&gt; e&lt;sup&gt;z&lt;sub&gt;k&lt;/sub&gt;&lt;/sup&gt;.</source>
        <translation>&lt;b&gt;Logitlerden olasılıklara.&lt;/b&gt; Çıktı katmanı her rakam için bir tane olmak üzere on sayı hesaplar: z&lt;sub&gt;j&lt;/sub&gt; = w&lt;sub&gt;j&lt;/sub&gt;·a + b&lt;sub&gt;j&lt;/sub&gt;, yani &lt;i&gt;logitler&lt;/i&gt;. Softmax onları olasılıklara çevirir: a&lt;sub&gt;j&lt;/sub&gt; = e&lt;sup&gt;z&lt;sub&gt;j&lt;/sub&gt;&lt;/sup&gt; / Σ&lt;sub&gt;k&lt;/sub&gt; e&lt;sup&gt;z&lt;sub&gt;k&lt;/sub&gt;&lt;/sup&gt;.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Why from_logits=True.&lt;/b&gt; Computers round. In float32, as the course shows, 2 / 10 000 = {direct} but (1 + 1/10 000) − (1 − 1/10 000) = {roundabout}: the same number, reached a longer way, is rounded worse.</source>
        <translation>&lt;b&gt;Neden from_logits=True.&lt;/b&gt; Bilgisayarlar yuvarlar. float32&apos;de, kursun gösterdiği gibi, 2 / 10 000 = {direct} ama (1 + 1/10 000) − (1 − 1/10 000) = {roundabout}: aynı sayı, daha uzun yoldan varılınca daha kötü yuvarlanır.</translation>
    </message>
    <message>
        <source>The loss of a drawing with label y is −log a&lt;sub&gt;y&lt;/sub&gt;. &lt;i&gt;Softmax first&lt;/i&gt; computes every e&lt;sup&gt;z&lt;sub&gt;k&lt;/sub&gt;&lt;/sup&gt;, their sum, a&lt;sub&gt;y&lt;/sub&gt;, then the log. &lt;i&gt;From the logits&lt;/i&gt; (from_logits=True) computes log Σ e&lt;sup&gt;z&lt;sub&gt;k&lt;/sub&gt; − m&lt;/sup&gt; + m − z&lt;sub&gt;y&lt;/sub&gt; with m the largest logit: the same number, with nothing huge or tiny on the way. Scale your logits up to see the difference (a confident network has large logits).</source>
        <translation>Etiketi y olan bir çizimin kaybı −log a&lt;sub&gt;y&lt;/sub&gt;&apos;dir. &lt;i&gt;Önce softmax&lt;/i&gt; her e&lt;sup&gt;z&lt;sub&gt;k&lt;/sub&gt;&lt;/sup&gt;&apos;yı, toplamlarını, a&lt;sub&gt;y&lt;/sub&gt;&apos;yi, sonra logaritmayı hesaplar. &lt;i&gt;Logitlerden&lt;/i&gt; (from_logits=True) ise m en büyük logit olmak üzere log Σ e&lt;sup&gt;z&lt;sub&gt;k&lt;/sub&gt; − m&lt;/sup&gt; + m − z&lt;sub&gt;y&lt;/sub&gt; hesaplar: aynı sayı, yolda ne devasa ne de minicik bir şey olmadan. Farkı görmek için logitlerini büyüt (kendinden emin bir ağın logitleri büyüktür).</translation>
    </message>
    <message>
        <source>Logits ×</source>
        <translation>Logitler ×</translation>
    </message>
    <message>
        <source>Label y:</source>
        <translation>Etiket y:</translation>
    </message>
    <message>
        <source>digit j</source>
        <translation>rakam j</translation>
    </message>
</context>
<context>
    <name>Stage</name>
    <message>
        <source>Touch the screen to write your own number</source>
        <translation>Kendi sayını yazmak için ekrana dokun</translation>
    </message>
    <message>
        <source>Touch the screen to draw your own digit</source>
        <translation>Kendi rakamını çizmek için ekrana dokun</translation>
    </message>
</context>
<context>
    <name>TrainingForm</name>
    <message>
        <source>SGD + momentum {momentum}</source>
        <translation>SGD + momentum {momentum}</translation>
    </message>
    <message>
        <source>All {train} images (+{validate} to validate)</source>
        <translation>Tüm {train} görüntü (+{validate} doğrulama için)</translation>
    </message>
    <message>
        <source>{count} images · quick demo</source>
        <translation>{count} görüntü · hızlı deneme</translation>
    </message>
    <message>
        <source>{count} images</source>
        <translation>{count} görüntü</translation>
    </message>
    <message>
        <source>The learning rate {value} is not a positive number.</source>
        <translation>Öğrenme oranı {value} pozitif bir sayı değil.</translation>
    </message>
    <message>
        <source>NETWORK</source>
        <translation>AĞ</translation>
    </message>
    <message>
        <source>TRAINING</source>
        <translation>EĞİTİM</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Epok</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Yığın</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Öğrenme oranı</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>Optimizasyon</translation>
    </message>
    <message>
        <source>Training set</source>
        <translation>Eğitim kümesi</translation>
    </message>
    <message>
        <source>Epochs: how many times the network sees every training image</source>
        <translation>Epok: ağın her eğitim görüntüsünü kaç kez göreceği</translation>
    </message>
    <message>
        <source>Batch size: images per weight update</source>
        <translation>Yığın boyutu: her ağırlık güncellemesinde kullanılan görüntü sayısı</translation>
    </message>
    <message>
        <source>Learning rate: pick one or type any positive number (e.g. 5e-4)</source>
        <translation>Öğrenme oranı: birini seç ya da herhangi bir pozitif sayı yaz (ör. 5e-4)</translation>
    </message>
    <message>
        <source>Optimizer: how each weight update follows the loss&apos;s gradient</source>
        <translation>Optimizasyon: her ağırlık güncellemesinin kaybın gradyanını nasıl izlediği</translation>
    </message>
    <message>
        <source>Augment: small rotations, shears, shifts, pen widths</source>
        <translation>Veri artırma: döndürme, eğme, kaydırma, kalem kalınlığı</translation>
    </message>
    <message>
        <source>Each batch is randomly distorted like hand-drawn digits; slower to learn, better on drawings</source>
        <translation>Her yığın elle çizilmiş rakamlar gibi rastgele bozulur; öğrenme yavaşlar ama çizimlerde daha iyi sonuç verir</translation>
    </message>
    <message>
        <source>Also learn people&apos;s drawings and non-digits</source>
        <translation>İnsanların çizimlerini ve rakam olmayanları da öğren</translation>
    </message>
    <message>
        <source>Adds real pen-drawn digits, regional forms (flagged 1, crossed 7, curled 9) and scribbles the network learns to call &quot;not a digit&quot;; the first run draws them (a few minutes), later runs reuse them</source>
        <translation>Kalemle çizilmiş gerçek rakamlar, bölgesel biçimler (bayraklı 1, ortası çizgili 7, kıvrık 9) ve ağın &quot;rakam değil&quot; demeyi öğrendiği karalamalar ekler; ilk eğitim bunları çizer (birkaç dakika), sonrakiler yeniden kullanır</translation>
    </message>
</context>
<context>
    <name>TrainingLesson</name>
    <message>
        <source>Training: model, loss, gradient descent</source>
        <translation>Eğitim: model, kayıp, gradyan inişi</translation>
    </message>
    <message>
        <source>A drawing of a 3 gets f = P(3) = {f}, and its label is y = 1. What is its loss L = −y log f − (1 − y) log(1 − f)?</source>
        <translation>Bir 3 çizimi f = P(3) = {f} alıyor ve etiketi y = 1. Kaybı L = −y log f − (1 − y) log(1 − f) kaçtır?</translation>
    </message>
    <message>
        <source>−log {f} ≈ {loss}</source>
        <translation>−log {f} ≈ {loss}</translation>
    </message>
    <message>
        <source>0, because the answer is right</source>
        <translation>0, çünkü cevap doğru</translation>
    </message>
    <message>
        <source>With y = 1 only the first term counts: L = −log f. A confident right answer (f near 1) costs little; the loss grows without bound as f goes to 0. It is never exactly 0 unless f = 1.</source>
        <translation>y = 1 iken yalnız ilk terim sayılır: L = −log f. Emin ve doğru bir cevap (f, 1&apos;e yakın) az kayıp verir; f 0&apos;a giderken kayıp sınırsız büyür. f = 1 olmadıkça kayıp hiçbir zaman tam 0 olmaz.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Training in three steps.&lt;/b&gt; The course trains a network with three lines of Keras:</source>
        <translation>&lt;b&gt;Üç adımda eğitim.&lt;/b&gt; Kurs bir ağı üç satır Keras ile eğitir:</translation>
    </message>
    <message>
        <source>&lt;b&gt;1. Specify the model&lt;/b&gt; f&lt;sub&gt;w,b&lt;/sub&gt;(x): the layers, their units and activations.&lt;br&gt;&lt;b&gt;2. Specify the loss and the cost&lt;/b&gt;: the loss L(f(x), y) of one example; the cost J(w, b) is the average loss over all m training examples.&lt;br&gt;&lt;b&gt;3. Minimise the cost&lt;/b&gt;: &lt;code&gt;fit&lt;/code&gt; runs gradient descent, w = w − α ∂J/∂w, with the derivatives computed by backpropagation.</source>
        <translation>&lt;b&gt;1. Modeli belirt&lt;/b&gt; f&lt;sub&gt;w,b&lt;/sub&gt;(x): katmanlar, birimleri ve aktivasyonları.&lt;br&gt;&lt;b&gt;2. Kaybı ve maliyeti belirt&lt;/b&gt;: L(f(x), y) tek bir örneğin kaybı; J(w, b) maliyeti, m eğitim örneğinin hepsinin ortalama kaybıdır.&lt;br&gt;&lt;b&gt;3. Maliyeti en aza indir&lt;/b&gt;: &lt;code&gt;fit&lt;/code&gt; gradyan inişini çalıştırır, w = w − α ∂J/∂w; türevleri geri yayılım hesaplar.</translation>
    </message>
    <message>
        <source>image</source>
        <translation>görüntü</translation>
    </message>
    <message>
        <source>label y</source>
        <translation>etiket y</translation>
    </message>
    <message>
        <source>P(y)</source>
        <translation>P(y)</translation>
    </message>
    <message>
        <source>loss L</source>
        <translation>kayıp L</translation>
    </message>
    <message>
        <source>&lt;b&gt;The loss of one example.&lt;/b&gt; For a yes/no question the course uses binary cross-entropy: L(f, y) = −y log f − (1 − y) log(1 − f), where f is the model&apos;s probability of “yes”.</source>
        <translation>&lt;b&gt;Tek bir örneğin kaybı.&lt;/b&gt; Evet/hayır sorusu için kurs ikili çapraz entropiyi kullanır: L(f, y) = −y log f − (1 − y) log(1 − f); burada f, modelin “evet” olasılığıdır.</translation>
    </message>
    <message>
        <source>Blue: −log f, the loss when the answer is “yes” (y = 1). Orange: −log(1 − f), the loss when it is “no” (y = 0). The dots are your drawing&apos;s f.</source>
        <translation>Mavi: −log f, doğru cevap “evet” (y = 1) iken kayıp. Turuncu: −log(1 − f), doğru cevap “hayır” (y = 0) iken kayıp. Noktalar çiziminin f değeridir.</translation>
    </message>
    <message>
        <source>&lt;b&gt;The cost of a batch.&lt;/b&gt; The cost J is the average of the examples&apos; losses: J = (1/m) Σ L&lt;sup&gt;(i)&lt;/sup&gt;. With ten digits the loss is −log softmax(z)&lt;sub&gt;y&lt;/sub&gt;: what &lt;code&gt;SparseCategoricalCrossentropy(from_logits=True)&lt;/code&gt; computes from the logits z.</source>
        <translation>&lt;b&gt;Bir yığının maliyeti.&lt;/b&gt; J maliyeti örneklerin kayıplarının ortalamasıdır: J = (1/m) Σ L&lt;sup&gt;(i)&lt;/sup&gt;. On rakamla kayıp −log softmax(z)&lt;sub&gt;y&lt;/sub&gt; olur: &lt;code&gt;SparseCategoricalCrossentropy(from_logits=True)&lt;/code&gt; logit z&apos;lerden bunu hesaplar.</translation>
    </message>
    <message>
        <source>A confident right answer adds almost nothing; a wrong one adds a lot. Training changes the weights to make J smaller.</source>
        <translation>Emin ve doğru bir cevap neredeyse hiç eklemez; yanlış bir cevap çok ekler. Eğitim, J&apos;yi küçültmek için ağırlıkları değiştirir.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Fit: the loss falls.&lt;/b&gt; Start trains the course&apos;s 25-15-10 network (relu, relu, linear) on {n} MNIST images for {epochs} epochs: Adam, batches of 32, the loss from the logits, backpropagation written out in NumPy. The faint curve is each batch&apos;s cost J; the dots, the cost and accuracy on {test} MNIST test images after each epoch.</source>
        <translation>&lt;b&gt;Fit: kayıp düşüyor.&lt;/b&gt; Başlat, kursun 25-15-10 ağını (relu, relu, linear) {n} MNIST görüntüsüyle {epochs} epok eğitir: Adam, 32&apos;lik yığınlar, logitlerden kayıp, NumPy ile açıkça yazılmış geri yayılım. Soluk eğri her yığının J maliyetidir; noktalar, her epoktan sonra {test} MNIST test görüntüsündeki maliyet ve doğruluktur.</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Başlat</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Durdur</translation>
    </message>
    <message>
        <source>The network on show in the app is not changed: this one is trained here, from new random weights.</source>
        <translation>Uygulamada gösterilen ağ değişmez: bu ağ burada, yeni rastgele ağırlıklardan eğitilir.</translation>
    </message>
    <message>
        <source>the model in use</source>
        <translation>kullanılan model</translation>
    </message>
    <message>
        <source>The app&apos;s models were trained this way, with &lt;code&gt;SparseCategoricalCrossentropy(from_logits=True)&lt;/code&gt; for ten digits and Adam instead of plain gradient descent. Numbers in this lesson: {model}.</source>
        <translation>Uygulamanın modelleri böyle eğitildi: on rakam için &lt;code&gt;SparseCategoricalCrossentropy(from_logits=True)&lt;/code&gt; ve düz gradyan inişi yerine Adam ile. Bu dersteki sayılar: {model}.</translation>
    </message>
    <message>
        <source>No model is loaded yet.</source>
        <translation>Henüz bir model yüklenmedi.</translation>
    </message>
    <message>
        <source>Your drawing, through {model} (calibrated softmax):</source>
        <translation>Çizimin, {model} üzerinden (kalibre edilmiş softmax):</translation>
    </message>
    <message>
        <source>Draw a digit to see your numbers. Meanwhile: an MNIST test image, through {model}:</source>
        <translation>Kendi sayılarını görmek için bir rakam çiz. Bu arada: bir MNIST test görüntüsü, {model} üzerinden:</translation>
    </message>
    <message>
        <source>Question: “is it a {d}?” The model&apos;s answer is f = P({d}) = &lt;b&gt;{f}&lt;/b&gt;.&lt;br&gt;If it is a {d} (y = 1): L = −log f = &lt;b&gt;{yes}&lt;/b&gt;.&lt;br&gt;If it is not a {d} (y = 0): L = −log(1 − f) = &lt;b&gt;{no}&lt;/b&gt;.</source>
        <translation>Soru: “bu bir {d} mi?” Modelin cevabı f = P({d}) = &lt;b&gt;{f}&lt;/b&gt;.&lt;br&gt;Bir {d} ise (y = 1): L = −log f = &lt;b&gt;{yes}&lt;/b&gt;.&lt;br&gt;{d} değilse (y = 0): L = −log(1 − f) = &lt;b&gt;{no}&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>A batch of {m} MNIST test images through {model} (logits, no calibration): the first {first}, and the first one the model gets wrong (test image {wrong}).</source>
        <translation>{model} üzerinden {m} MNIST test görüntüsünden bir yığın (logitler, kalibrasyon yok): ilk {first} görüntü ve modelin yanlış bildiği ilk görüntü ({wrong}. test görüntüsü).</translation>
    </message>
    <message>
        <source>J = (1/{m}) ({terms}) = &lt;b&gt;{cost}&lt;/b&gt;</source>
        <translation>J = (1/{m}) ({terms}) = &lt;b&gt;{cost}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Press Start to train.</source>
        <translation>Eğitmek için Başlat&apos;a tıkla.</translation>
    </message>
    <message>
        <source>Training failed: {error}</source>
        <translation>Eğitim başarısız oldu: {error}</translation>
    </message>
    <message>
        <source>Epoch {epoch} of {epochs}: batch loss {loss}</source>
        <translation>Epok {epoch}/{epochs}: yığın kaybı {loss}</translation>
    </message>
    <message>
        <source>after epoch {epoch}: test cost J = {loss}, test accuracy {accuracy}</source>
        <translation>{epoch}. epoktan sonra: test maliyeti J = {loss}, test doğruluğu {accuracy}</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Durduruldu.</translation>
    </message>
    <message>
        <source>Done: the loss fell from {first} to {last}.</source>
        <translation>Bitti: kayıp {first} değerinden {last} değerine düştü.</translation>
    </message>
    <message>
        <source>Training…</source>
        <translation>Eğitiliyor…</translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <source>Training needs the full installation of Digit Studio: this one has no TensorFlow, so it recognises digits but cannot train networks.</source>
        <translation>Eğitim için Digit Studio&apos;nun tam kurulumu gerekir: bu kurulumda TensorFlow yok; rakamları tanır ama ağ eğitemez.</translation>
    </message>
    <message>
        <source>Epoch {epoch}/{epochs} · batch {step}/{steps} · {rate} img/s · {left} left</source>
        <translation>Epok {epoch}/{epochs} · yığın {step}/{steps} · {rate} görüntü/sn · {left} kaldı</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Hazır</translation>
    </message>
    <message>
        <source>Adapting to your handwriting</source>
        <translation>El yazına uyarlanıyor</translation>
    </message>
    <message>
        <source>Train a network</source>
        <translation>Ağ eğit</translation>
    </message>
    <message>
        <source>Start training (Ctrl+Enter)</source>
        <translation>Eğitimi başlat (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Hold the run after the batch in progress; press again to go on</source>
        <translation>Eğitimi süren yığından sonra beklet; devam etmek için yeniden bas</translation>
    </message>
    <message>
        <source>End the run after the batch in progress: the network so far is still tested, to keep or discard</source>
        <translation>Eğitimi süren yığından sonra bitir: ağın o ana kadarki hâli yine test edilir, saklayabilir ya da vazgeçebilirsin</translation>
    </message>
    <message>
        <source>Trained on {device}</source>
        <translation>{device} üzerinde eğitildi</translation>
    </message>
    <message>
        <source>Training on {device}</source>
        <translation>{device} üzerinde eğitiliyor</translation>
    </message>
    <message>
        <source>TensorFlow computes on {device}</source>
        <translation>TensorFlow {device} üzerinde hesaplıyor</translation>
    </message>
    <message>
        <source>Training…</source>
        <translation>Eğitiliyor…</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Eğit</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Sürdür</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Duraklat</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Durdur</translation>
    </message>
    <message>
        <source>Fine-tuning a copy of {model} on {trained} of your drawings ({held} newest held out to compare before and after), mixed with MNIST digits so it does not forget.</source>
        <translation>{model} modelinin bir kopyası {trained} çiziminle ince ayarlanıyor (öncesini ve sonrasını karşılaştırmak için en yeni {held} çizim ayrıldı); unutmaması için MNIST rakamları da karıştırılıyor.</translation>
    </message>
    <message>
        <source>Fine-tuning a copy of {model} on {trained} of your drawings (too few of each digit to hold any out: compared on the training drawings), mixed with MNIST digits so it does not forget.</source>
        <translation>{model} modelinin bir kopyası {trained} çiziminle ince ayarlanıyor (her rakamdan ayıracak kadar çizim yok: karşılaştırma eğitim çizimleri üzerinde); unutmaması için MNIST rakamları da karıştırılıyor.</translation>
    </message>
    <message>
        <source>1 epoch.</source>
        <translation>1 epok.</translation>
    </message>
    <message>
        <source>{count} epochs.</source>
        <translation>{count} epok.</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Başlıyor…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Durduruluyor…</translation>
    </message>
    <message>
        <source>Kept: the adapted model is saved among your models and is now the current model.</source>
        <translation>Saklandı: uyarlanan model modellerinin arasına kaydedildi ve artık geçerli model.</translation>
    </message>
    <message>
        <source>Kept: {model} is now the current model (File ▸ Save Model As… to save it).</source>
        <translation>Saklandı: {model} artık geçerli model (diske kaydetmek için Dosya ▸ Modeli farklı kaydet…).</translation>
    </message>
    <message>
        <source>Discarded: the previous model is back.</source>
        <translation>Vazgeçildi: önceki model geri geldi.</translation>
    </message>
    <message>
        <source>Paused · epoch {epoch}/{epochs} · batch {step}/{steps}</source>
        <translation>Duraklatıldı · epok {epoch}/{epochs} · yığın {step}/{steps}</translation>
    </message>
    <message>
        <source>loss {loss}  ·  train acc {accuracy}</source>
        <translation>kayıp {loss}  ·  eğitim doğruluğu {accuracy}</translation>
    </message>
    <message>
        <source>loss {loss}  ·  train acc {accuracy}  ·  val loss {val_loss}  ·  val acc {val_accuracy}</source>
        <translation>kayıp {loss} · doğruluk {accuracy} · doğr. kaybı {val_loss} · doğr. doğruluğu {val_accuracy}</translation>
    </message>
    <message>
        <source>Stopped: the loss diverged</source>
        <translation>Durduruldu: kayıp ıraksadı</translation>
    </message>
    <message>
        <source>Stopped: the loss became NaN</source>
        <translation>Durduruldu: kayıp NaN oldu</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Bitti</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Durduruldu</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Başarısız</translation>
    </message>
    <message>
        <source>Training failed: {error}</source>
        <translation>Eğitim başarısız oldu: {error}</translation>
    </message>
    <message>
        <source>The weights are those of the last batch.</source>
        <translation>Ağırlıklar son yığındaki hâliyle kaldı.</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>yok</translation>
    </message>
    <message>
        <source>your held-out drawings · before {before}</source>
        <translation>ayrılan çizimlerin · önce {before}</translation>
    </message>
</context>
<context>
    <name>engine</name>
    <message>
        <source>Draw and label at least {min_samples} digits first, of at least {min_digits} different digits (there are 0 samples): adapting needs some of each to learn from and some to check with.</source>
        <translation>Önce en az {min_digits} farklı rakamdan en az {min_samples} rakam çizip etiketle (şu an hiç örnek yok): uyarlama için her birinden hem öğrenecek hem de denetleyecek kadar örnek gerekir.</translation>
    </message>
    <message>
        <source>Draw and label at least {min_samples} digits first, of at least {min_digits} different digits (there is 1 sample of 1 digit): adapting needs some of each to learn from and some to check with.</source>
        <translation>Önce en az {min_digits} farklı rakamdan en az {min_samples} rakam çizip etiketle (şu an 1 rakamdan 1 örnek var): uyarlama için her birinden hem öğrenecek hem de denetleyecek kadar örnek gerekir.</translation>
    </message>
    <message>
        <source>Draw and label at least {min_samples} digits first, of at least {min_digits} different digits (there are {count} samples of 1 digit): adapting needs some of each to learn from and some to check with.</source>
        <translation>Önce en az {min_digits} farklı rakamdan en az {min_samples} rakam çizip etiketle (şu an 1 rakamdan {count} örnek var): uyarlama için her birinden hem öğrenecek hem de denetleyecek kadar örnek gerekir.</translation>
    </message>
    <message>
        <source>Draw and label at least {min_samples} digits first, of at least {min_digits} different digits (there are {count} samples of {digits} digits): adapting needs some of each to learn from and some to check with.</source>
        <translation>Önce en az {min_digits} farklı rakamdan en az {min_samples} rakam çizip etiketle (şu an {digits} rakamdan {count} örnek var): uyarlama için her birinden hem öğrenecek hem de denetleyecek kadar örnek gerekir.</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>yok</translation>
    </message>
    <message>
        <source>{value}%</source>
        <translation>%{value}</translation>
    </message>
    <message>
        <source>your samples (nothing could be held out: measured on the training samples): {before} → {after}</source>
        <translation>örneklerin (hiçbiri ayrılamadı: eğitim örneklerinde ölçüldü): {before} → {after}</translation>
    </message>
    <message>
        <source>your {count} held-out samples: {before} → {after}</source>
        <translation>ayrılmış {count} örneğin: {before} → {after}</translation>
    </message>
    <message>
        <source>MNIST test ({count}): {before} → {after}</source>
        <translation>MNIST testi ({count}): {before} → {after}</translation>
    </message>
    <message>
        <source>trained on {samples} of your samples and {general} general images, 1 epoch, {seconds} s (from {source})</source>
        <translation>örneklerinden {samples} tanesi ve {general} genel görüntüyle eğitildi, 1 epok, {seconds} sn (kaynak: {source})</translation>
    </message>
    <message>
        <source>trained on {samples} of your samples and {general} general images, {epochs} epochs, {seconds} s (from {source})</source>
        <translation>örneklerinden {samples} tanesi ve {general} genel görüntüyle eğitildi, {epochs} epok, {seconds} sn (kaynak: {source})</translation>
    </message>
    <message>
        <source>Nothing to save to {path}: the adaptation made no model.</source>
        <translation>{path} konumuna kaydedilecek bir şey yok: uyarlama bir model üretmedi.</translation>
    </message>
    <message>
        <source>Draw and label at least {min_samples} digits first: there are no samples.</source>
        <translation>Önce en az {min_samples} rakam çizip etiketle: hiç örnek yok.</translation>
    </message>
    <message>
        <source>Adapting stopped before it began.</source>
        <translation>Uyarlama başlamadan durduruldu.</translation>
    </message>
    <message>
        <source>Adapting failed: {error}</source>
        <translation>Uyarlama başarısız oldu: {error}</translation>
    </message>
    <message>
        <source>Adapting a model</source>
        <translation>Bir modeli uyarlamak</translation>
    </message>
    <message>
        <source>Loading TensorFlow…</source>
        <translation>TensorFlow yükleniyor…</translation>
    </message>
    <message>
        <source>Loading {model}…</source>
        <translation>{model} yükleniyor…</translation>
    </message>
    <message>
        <source>{model} has no layers with weights after its last Flatten</source>
        <translation>{model}: son Flatten katmanından sonra ağırlıklı katman yok</translation>
    </message>
    <message>
        <source>Drawing non-digits (cached after the first time)…</source>
        <translation>Rakam olmayan çizimler oluşturuluyor (ilk seferden sonra önbellekte tutulur)…</translation>
    </message>
    <message>
        <source>Preparing your samples…</source>
        <translation>Örneklerin hazırlanıyor…</translation>
    </message>
    <message>
        <source>Computing the frozen layers&apos; features…</source>
        <translation>Dondurulmuş katmanların öznitelikleri hesaplanıyor…</translation>
    </message>
    <message>
        <source>Fine-tuning on your handwriting…</source>
        <translation>El yazına göre ince ayar yapılıyor…</translation>
    </message>
    <message>
        <source>Loading MNIST…</source>
        <translation>MNIST yükleniyor…</translation>
    </message>
    <message>
        <source>Adapting stopped after 1 epoch of {epochs}.</source>
        <translation>Uyarlama durduruldu: 1/{epochs} epok tamamlandı.</translation>
    </message>
    <message>
        <source>Adapting stopped after {done} epochs of {epochs}.</source>
        <translation>Uyarlama durduruldu: {done}/{epochs} epok tamamlandı.</translation>
    </message>
    <message>
        <source>Adapted to your handwriting: 1 epoch on {samples} of your samples.</source>
        <translation>El yazına uyarlandı: örneklerinden {samples} tanesiyle 1 epok.</translation>
    </message>
    <message>
        <source>Adapted to your handwriting: {done} epochs on {samples} of your samples.</source>
        <translation>El yazına uyarlandı: örneklerinden {samples} tanesiyle {done} epok.</translation>
    </message>
    <message>
        <source>Adapting stopped at epoch {epoch}, batch {batch}: the loss diverged ({loss}).</source>
        <translation>Uyarlama {epoch}. epokta, {batch}. yığında durdu: kayıp ıraksadı ({loss}).</translation>
    </message>
    <message>
        <source>Adapting stopped at epoch {epoch}, batch {batch}: the loss became NaN.</source>
        <translation>Uyarlama {epoch}. epokta, {batch}. yığında durdu: kayıp NaN oldu.</translation>
    </message>
    <message>
        <source>Adapting stopped at epoch {epoch}, batch {batch}: the loss became infinite.</source>
        <translation>Uyarlama {epoch}. epokta, {batch}. yığında durdu: kayıp sonsuz oldu.</translation>
    </message>
    <message>
        <source>{model} is unchanged.</source>
        <translation>{model} değişmedi.</translation>
    </message>
    <message>
        <source>Testing on {count} images…</source>
        <translation>{count} görüntüde test ediliyor…</translation>
    </message>
    <message>
        <source>{model} is not a plain stack of layers; only the app&apos;s own kind of network can be adapted</source>
        <translation>{model} düz bir katman yığını değil; yalnızca uygulamanın kendi türündeki ağlar uyarlanabilir</translation>
    </message>
    <message>
        <source>{name} (shipped)</source>
        <translation>{name} (hazır)</translation>
    </message>
    <message>
        <source>{problem} — and this installation has no TensorFlow.</source>
        <translation>{problem} — ve bu kurulumda TensorFlow yok.</translation>
    </message>
    <message>
        <source>Loading {name} with TensorFlow</source>
        <translation>{name} dosyasını TensorFlow ile yüklemek</translation>
    </message>
    <message>
        <source>{problem} — using the shipped {model} instead.</source>
        <translation>{problem} — onun yerine hazır {model} modeli kullanılıyor.</translation>
    </message>
    <message>
        <source>{problem} — using the {model} instead.</source>
        <translation>{problem} — onun yerine {model} kullanılıyor.</translation>
    </message>
    <message>
        <source>MNIST file not found: {path}</source>
        <translation>MNIST dosyası bulunamadı: {path}</translation>
    </message>
    <message>
        <source>MNIST file {path} is unreadable or corrupt: {error}</source>
        <translation>MNIST dosyası okunamıyor ya da bozuk: {path}: {error}</translation>
    </message>
    <message>
        <source>MNIST file {path} has no &apos;{key}&apos; array</source>
        <translation>MNIST dosyasında &apos;{key}&apos; dizisi yok: {path}</translation>
    </message>
    <message>
        <source>MNIST file {path}: &apos;{key}&apos; is {found}, expected {expected}</source>
        <translation>MNIST dosyası {path}: &apos;{key}&apos; {found}, beklenen {expected}</translation>
    </message>
    <message>
        <source>MNIST file {path}: &apos;{key}&apos; has labels outside 0..9</source>
        <translation>MNIST dosyası {path}: &apos;{key}&apos; içinde 0..9 dışında etiketler var</translation>
    </message>
    <message>
        <source>This</source>
        <translation>Bu işlem</translation>
    </message>
    <message>
        <source>{what} needs TensorFlow, which this installation does not have (it recognises digits only). Install the full Digit Studio to train.</source>
        <translation>{what} için TensorFlow gerekir, ama bu kurulumda TensorFlow yok (yalnızca rakam tanır). Eğitmek için Digit Studio&apos;nun tam sürümünü kur.</translation>
    </message>
    <message>
        <source>You have no labelled samples yet: keep a few drawings first (Teach ▸ Keep Drawing As).</source>
        <translation>Henüz etiketli örneğin yok: önce birkaç çizim sakla (Öğret ▸ Çizimi şöyle sakla).</translation>
    </message>
    <message>
        <source>{folder} is not a folder</source>
        <translation>{folder} bir klasör değil</translation>
    </message>
    <message>
        <source>{folder} has no {file} (a &apos;file,label&apos; list of the images)</source>
        <translation>{folder} içinde {file} yok (görüntülerin &apos;file,label&apos; listesi)</translation>
    </message>
    <message>
        <source>cannot read {file}: {error}</source>
        <translation>{file} okunamıyor: {error}</translation>
    </message>
    <message>
        <source>{file} in {folder} lists no readable digit image</source>
        <translation>{folder} içindeki {file} okunabilir hiçbir rakam görüntüsü listelemiyor</translation>
    </message>
    <message>
        <source>Could not read {name}: its model configuration is not valid JSON ({error}); the file may be damaged.</source>
        <translation>{name} okunamadı: model yapılandırması geçerli bir JSON değil ({error}); dosya bozuk olabilir.</translation>
    </message>
    <message>
        <source>Could not read {name}: the model has no layers</source>
        <translation>{name} okunamadı: modelde hiç katman yok</translation>
    </message>
    <message>
        <source>Could not read {name}: it holds no {member}, so it is not a Keras model file (or it is damaged).</source>
        <translation>{name} okunamadı: içinde {member} yok, yani bir Keras model dosyası değil (ya da bozuk).</translation>
    </message>
    <message>
        <source>Could not read {name}: its weights are stored in a form this reader does not know ({found}).</source>
        <translation>{name} okunamadı: ağırlıkları bu okuyucunun bilmediği bir biçimde saklanmış ({found}).</translation>
    </message>
    <message>
        <source>Could not read {name}: it holds no weights ({member}).</source>
        <translation>{name} okunamadı: içinde ağırlık yok ({member}).</translation>
    </message>
    <message>
        <source>Could not read {name}: its {member} is {size} bytes, far too large for a model configuration.</source>
        <translation>{name} okunamadı: içindeki {member} {size} bayt, bir model yapılandırması için fazlasıyla büyük.</translation>
    </message>
    <message>
        <source>Could not read {name}: the file is damaged ({error}).</source>
        <translation>{name} okunamadı: dosya bozuk ({error}).</translation>
    </message>
    <message>
        <source>Could not read {name}: its configuration does not describe a model.</source>
        <translation>{name} okunamadı: yapılandırması bir model tanımlamıyor.</translation>
    </message>
    <message>
        <source>{name} needs the full TensorFlow installation: it is a custom model built by custom code, which this reader does not run.</source>
        <translation>{name} için TensorFlow&apos;un tam kurulumu gerekir: özel kodla kurulmuş özel bir model; bu okuyucu özel kod çalıştırmaz.</translation>
    </message>
    <message>
        <source>{name} needs the full TensorFlow installation: it is a {kind} model built by custom code, which this reader does not run.</source>
        <translation>{name} için TensorFlow&apos;un tam kurulumu gerekir: özel kodla kurulmuş bir {kind} modeli; bu okuyucu özel kod çalıştırmaz.</translation>
    </message>
    <message>
        <source>Could not read {name}: the model has no name.</source>
        <translation>{name} okunamadı: modelin adı yok.</translation>
    </message>
    <message>
        <source>Could not read {name}: a layer&apos;s configuration is damaged.</source>
        <translation>{name} okunamadı: bir katmanın yapılandırması bozuk.</translation>
    </message>
    <message>
        <source>Could not read {name}: a layer has no kind or no name.</source>
        <translation>{name} okunamadı: bir katmanın türü ya da adı yok.</translation>
    </message>
    <message>
        <source>{name} needs the full TensorFlow installation: its layer {layer} is a whole {kind} model nested inside it.</source>
        <translation>{name} için TensorFlow&apos;un tam kurulumu gerekir: {layer} katmanı, içine yerleştirilmiş bütün bir {kind} modeli.</translation>
    </message>
    <message>
        <source>{name} needs the full TensorFlow installation: its layer {layer} is a Lambda layer: custom code, which this reader never runs.</source>
        <translation>{name} için TensorFlow&apos;un tam kurulumu gerekir: {layer} katmanı bir Lambda katmanı, yani özel kod; bu okuyucu özel kodu asla çalıştırmaz.</translation>
    </message>
    <message>
        <source>{name} needs the full TensorFlow installation: its layer {layer} is a custom layer ({kind}).</source>
        <translation>{name} için TensorFlow&apos;un tam kurulumu gerekir: {layer} katmanı özel bir katman ({kind}).</translation>
    </message>
    <message>
        <source>{name} needs the full TensorFlow installation: its layer {layer} is of a kind this reader does not know ({kind}).</source>
        <translation>{name} için TensorFlow&apos;un tam kurulumu gerekir: {layer} katmanı bu okuyucunun bilmediği bir türde ({kind}).</translation>
    </message>
    <message>
        <source>{name} needs the full TensorFlow installation: its layer {layer} computes in {dtype}; this reader computes in float32 only.</source>
        <translation>{name} için TensorFlow&apos;un tam kurulumu gerekir: {layer} katmanı {dtype} ile hesaplıyor; bu okuyucu yalnızca float32 ile hesaplar.</translation>
    </message>
    <message>
        <source>Could not read {name}: its input shape {shape} is not one a digit model takes (28×28 images).</source>
        <translation>{name} okunamadı: girdi biçimi {shape}, bir rakam modelinin aldığı biçim (28×28 görüntüler) değil.</translation>
    </message>
    <message>
        <source>Could not read {name}: the model has more than one input layer.</source>
        <translation>{name} okunamadı: modelin birden fazla girdi katmanı var.</translation>
    </message>
    <message>
        <source>Could not read {name}: its input layer is not its first layer.</source>
        <translation>{name} okunamadı: girdi katmanı ilk katmanı değil.</translation>
    </message>
    <message>
        <source>Could not read {name}: the model was saved before it was built, so its input shape is unknown.</source>
        <translation>{name} okunamadı: model kurulmadan önce kaydedilmiş, bu yüzden girdi biçimi bilinmiyor.</translation>
    </message>
    <message>
        <source>Could not read {name}: the model&apos;s first layer is not its input.</source>
        <translation>{name} okunamadı: modelin ilk katmanı girdisi değil.</translation>
    </message>
    <message>
        <source>Could not read {name}: two of its layers have the same name.</source>
        <translation>{name} okunamadı: katmanlarından ikisi aynı adı taşıyor.</translation>
    </message>
    <message>
        <source>Could not read {name}: its inputs or outputs are not recorded.</source>
        <translation>{name} okunamadı: girdileri ya da çıktıları kayıtlı değil.</translation>
    </message>
    <message>
        <source>{name} needs the full TensorFlow installation: its layers are not one simple chain from the input to the output (branches, shared or reused layers).</source>
        <translation>{name} için TensorFlow&apos;un tam kurulumu gerekir: katmanları girdiden çıktıya tek bir basit zincir oluşturmuyor (dallar, paylaşılan ya da yeniden kullanılan katmanlar).</translation>
    </message>
    <message>
        <source>Could not read {name}: layer {layer} ({kind}) takes {expected}, but its input has shape {shape}.</source>
        <translation>{name} okunamadı: {layer} katmanı ({kind}) {expected} bekliyor, ama girdisinin biçimi {shape}.</translation>
    </message>
    <message>
        <source>{name} needs the full TensorFlow installation: its layer {layer} ({kind}) uses {option}, which this reader does not do.</source>
        <translation>{name} için TensorFlow&apos;un tam kurulumu gerekir: {layer} katmanı ({kind}) bu okuyucunun yapmadığı bir özellik kullanıyor: {option}.</translation>
    </message>
    <message>
        <source>images of at least {height}×{width}</source>
        <translation>en az {height}×{width} boyutunda görüntüler</translation>
    </message>
    <message>
        <source>an input with at least one axis</source>
        <translation>en az bir eksenli bir girdi</translation>
    </message>
    <message>
        <source>images (height, width, channels)</source>
        <translation>görüntüler (yükseklik, genişlik, kanal)</translation>
    </message>
    <message>
        <source>quantization</source>
        <translation>nicemleme</translation>
    </message>
    <message>
        <source>batch renormalization (renorm)</source>
        <translation>yığın yeniden normalleştirme (renorm)</translation>
    </message>
    <message>
        <source>{name} needs the full TensorFlow installation: its layer {layer} ({kind}) is a layer kind this reader does not know.</source>
        <translation>{name} için TensorFlow&apos;un tam kurulumu gerekir: {layer} katmanı ({kind}) bu okuyucunun bilmediği bir katman türü.</translation>
    </message>
    <message>
        <source>{name} needs the full TensorFlow installation: its layer {layer} ({kind}) uses the activation &apos;a custom activation&apos;, which this reader does not do (it knows {known}).</source>
        <translation>{name} için TensorFlow&apos;un tam kurulumu gerekir: {layer} katmanı ({kind}) bu okuyucunun yapmadığı özel bir aktivasyon kullanıyor (bildikleri: {known}).</translation>
    </message>
    <message>
        <source>{name} needs the full TensorFlow installation: its layer {layer} ({kind}) uses the activation {activation}, which this reader does not do (it knows {known}).</source>
        <translation>{name} için TensorFlow&apos;un tam kurulumu gerekir: {layer} katmanı ({kind}) bu okuyucunun yapmadığı {activation} aktivasyonunu kullanıyor (bildikleri: {known}).</translation>
    </message>
    <message>
        <source>Could not read {name}: layer {layer} has {key}={value}.</source>
        <translation>{name} okunamadı: {layer} katmanında {key}={value}.</translation>
    </message>
    <message>
        <source>{name} needs the full TensorFlow installation: its layer {layer} uses padding={value}, which this reader does not do.</source>
        <translation>{name} için TensorFlow&apos;un tam kurulumu gerekir: {layer} katmanı bu okuyucunun yapmadığı padding={value} ayarını kullanıyor.</translation>
    </message>
    <message>
        <source>Could not read {name}: layer {layer} cannot reshape {shape} to {target}.</source>
        <translation>{name} okunamadı: {layer} katmanı {shape} biçimini {target} biçimine dönüştüremez.</translation>
    </message>
    <message>
        <source>Could not read {name}: it holds no weights for layer {layer}.</source>
        <translation>{name} okunamadı: içinde {layer} katmanı için ağırlık yok.</translation>
    </message>
    <message>
        <source>Could not read {name}: its weights cannot be read ({error}); the file may be damaged.</source>
        <translation>{name} okunamadı: ağırlıkları okunamıyor ({error}); dosya bozuk olabilir.</translation>
    </message>
    <message>
        <source>Could not read {name}: layer {layer} has {found} weight arrays in the file; its configuration needs {needed}.</source>
        <translation>{name} okunamadı: dosyada {layer} katmanının {found} ağırlık dizisi var; yapılandırması {needed} dizi gerektiriyor.</translation>
    </message>
    <message>
        <source>Could not read {name}: weight {key} of layer {layer} has shape {found}; its configuration needs {shape}.</source>
        <translation>{name} okunamadı: {layer} katmanının {key} ağırlığının biçimi {found}; yapılandırması {shape} gerektiriyor.</translation>
    </message>
    <message>
        <source>Could not read {name}: weight {key} of layer {layer} is not floating point ({dtype}).</source>
        <translation>{name} okunamadı: {layer} katmanının {key} ağırlığı kayan noktalı değil ({dtype}).</translation>
    </message>
    <message>
        <source>Model files end in .keras, not nothing: {path}</source>
        <translation>Model dosyalarının uzantısı .keras olur, bu dosyanın uzantısı yok: {path}</translation>
    </message>
    <message>
        <source>Model files end in .keras, not {suffix}: {path}</source>
        <translation>Model dosyalarının uzantısı {suffix} değil, .keras olur: {path}</translation>
    </message>
    <message>
        <source>{path} is a folder; give a .keras file name</source>
        <translation>{path} bir klasör; bir .keras dosya adı ver</translation>
    </message>
    <message>
        <source>Cannot save to {path}: {folder} is a file, not a folder</source>
        <translation>{path} konumuna kaydedilemiyor: {folder} bir klasör değil, dosya</translation>
    </message>
    <message>
        <source>Cannot save to {path}: the folder {folder} is not writable ({reason})</source>
        <translation>{path} konumuna kaydedilemiyor: {folder} klasörüne yazılamıyor ({reason})</translation>
    </message>
    <message>
        <source>Could not save the model to {path}: {error}</source>
        <translation>Model kaydedilemedi ({path}): {error}</translation>
    </message>
    <message>
        <source>{path} is a folder, not a .keras model file</source>
        <translation>{path} bir .keras model dosyası değil, klasör</translation>
    </message>
    <message>
        <source>Model file not found: {path}</source>
        <translation>Model dosyası bulunamadı: {path}</translation>
    </message>
    <message>
        <source>{name} is not a Keras model file (.keras files are zip archives); it may be truncated or of another format.</source>
        <translation>{name} bir Keras model dosyası değil (.keras dosyaları zip arşividir); eksik ya da başka biçimde olabilir.</translation>
    </message>
    <message>
        <source>it contains custom code (a Lambda layer), which is not loaded for safety</source>
        <translation>özel kod (bir Lambda katmanı) içeriyor; güvenlik için yüklenmez</translation>
    </message>
    <message>
        <source>it uses custom layers or code this app does not have</source>
        <translation>bu uygulamada olmayan özel katmanlar ya da kod kullanıyor</translation>
    </message>
    <message>
        <source>Could not load {name}: {reason}</source>
        <translation>{name} yüklenemedi: {reason}</translation>
    </message>
    <message>
        <source>the model</source>
        <translation>model</translation>
    </message>
    <message>
        <source>{model} has no usable input/output shape ({error})</source>
        <translation>{model}: kullanılabilir bir girdi/çıktı biçimi yok ({error})</translation>
    </message>
    <message>
        <source>{model} must have one input and one output</source>
        <translation>{model} tek girdili ve tek çıktılı olmalı</translation>
    </message>
    <message>
        <source>{model} takes input of shape {shape}; a digit model takes 28×28 images</source>
        <translation>{model} {shape} biçiminde girdi alıyor; bir rakam modeli 28×28 görüntü alır</translation>
    </message>
    <message>
        <source>{model} gives output of shape {shape}; a digit model gives 10 scores</source>
        <translation>{model} {shape} biçiminde çıktı veriyor; bir rakam modeli 10 puan verir</translation>
    </message>
    <message>
        <source>This network was not read from a file; save it from the training run.</source>
        <translation>Bu ağ bir dosyadan okunmadı; onu eğitim çalışmasından kaydet.</translation>
    </message>
    <message>
        <source>Saving a network whose weights changed</source>
        <translation>Ağırlıkları değişmiş bir ağı kaydetmek</translation>
    </message>
    <message>
        <source>cannot create the folder for the sample database {path}: {error}</source>
        <translation>örnek veritabanının klasörü oluşturulamıyor ({path}): {error}</translation>
    </message>
    <message>
        <source>{path} is not a Digit Studio sample database (it is damaged or another kind of file): {error}</source>
        <translation>{path} bir Digit Studio örnek veritabanı değil (bozuk ya da başka türde bir dosya): {error}</translation>
    </message>
    <message>
        <source>cannot open the sample database {path}: {error}</source>
        <translation>örnek veritabanı açılamıyor ({path}): {error}</translation>
    </message>
    <message>
        <source>the sample database {path} was written by a newer Digit Studio (data version {version}; this app reads up to {known}): this app is older than the data. Update Digit Studio to use these samples.</source>
        <translation>{path} örnek veritabanı daha yeni bir Digit Studio ile yazılmış (veri sürümü {version}; bu uygulama en çok {known} sürümünü okur): bu uygulama verilerden eski. Bu örnekleri kullanmak için Digit Studio&apos;yu güncelle.</translation>
    </message>
    <message>
        <source>{path} has a samples table without the column(s) {columns}: it is not a Digit Studio sample database</source>
        <translation>{path} içindeki samples tablosunda {columns} sütunları yok: bu bir Digit Studio örnek veritabanı değil</translation>
    </message>
    <message>
        <source>the sample database {path} is closed</source>
        <translation>örnek veritabanı kapalı: {path}</translation>
    </message>
    <message>
        <source>cannot write the sample database {path}: {error}</source>
        <translation>örnek veritabanına yazılamıyor ({path}): {error}</translation>
    </message>
    <message>
        <source>cannot read the sample database {path}: {error}</source>
        <translation>örnek veritabanı okunamıyor ({path}): {error}</translation>
    </message>
    <message>
        <source>sample {id} in {path} has a damaged image ({size} bytes, not {expected})</source>
        <translation>{path} içindeki {id} numaralı örneğin görüntüsü bozuk ({expected} değil, {size} bayt)</translation>
    </message>
    <message>
        <source>cannot export the samples to {folder}: {error}</source>
        <translation>örnekler dışa aktarılamıyor ({folder}): {error}</translation>
    </message>
    <message>
        <source>model must be a ModelSpec or a preset&apos;s name, not {kind}</source>
        <translation>model bir ModelSpec ya da hazır bir ağın adı olmalı, {kind} değil</translation>
    </message>
    <message>
        <source>augment must be true or false, not {value}</source>
        <translation>augment true ya da false olmalı, {value} değil</translation>
    </message>
    <message>
        <source>learning rate must be a positive number, not {value}</source>
        <translation>öğrenme oranı pozitif bir sayı olmalı, {value} değil</translation>
    </message>
    <message>
        <source>unknown optimizer {value}; expected one of {known}</source>
        <translation>bilinmeyen optimizasyon algoritması {value}; beklenenler: {known}</translation>
    </message>
    <message>
        <source>unknown training data {value}; expected one of {known}</source>
        <translation>bilinmeyen eğitim verisi {value}; beklenenler: {known}</translation>
    </message>
    <message>
        <source>{name} must be a whole number, not {value}</source>
        <translation>{name} bir tam sayı olmalı, {value} değil</translation>
    </message>
    <message>
        <source>{name} must be a finite number, not {value}</source>
        <translation>{name} sonlu bir sayı olmalı, {value} değil</translation>
    </message>
    <message>
        <source>Nothing to save to {path}: no network was built.</source>
        <translation>{path} konumuna kaydedilecek bir şey yok: hiç ağ kurulmadı.</translation>
    </message>
    <message>
        <source>Training failed: {error}</source>
        <translation>Eğitim başarısız oldu: {error}</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Eğitim</translation>
    </message>
    <message>
        <source>Training stopped before it began.</source>
        <translation>Eğitim başlamadan durduruldu.</translation>
    </message>
    <message>
        <source>Building the network…</source>
        <translation>Ağ kuruluyor…</translation>
    </message>
    <message>
        <source>Compiling the training step…</source>
        <translation>Eğitim adımı derleniyor…</translation>
    </message>
    <message>
        <source>Drawing pen digits, regional forms and non-digits (cached after the first time)…</source>
        <translation>Kalemle çizilmiş rakamlar, bölgesel biçimler ve rakam olmayanlar oluşturuluyor (ilk seferden sonra önbellekte tutulur)…</translation>
    </message>
    <message>
        <source>Calibrating the confidence…</source>
        <translation>Güven kalibre ediliyor…</translation>
    </message>
    <message>
        <source>epochs must be &gt;= 1</source>
        <translation>epok sayısı &gt;= 1 olmalı</translation>
    </message>
    <message>
        <source>augmentation strength must be in (0, 2]</source>
        <translation>veri artırma gücü (0, 2] aralığında olmalı</translation>
    </message>
    <message>
        <source>learning-rate decay must be in (0, 1]</source>
        <translation>öğrenme oranı azalması (0, 1] aralığında olmalı</translation>
    </message>
    <message>
        <source>batch size must be &gt;= 1</source>
        <translation>yığın boyutu &gt;= 1 olmalı</translation>
    </message>
    <message>
        <source>training-set size must be &gt;= 1</source>
        <translation>eğitim kümesi boyutu &gt;= 1 olmalı</translation>
    </message>
    <message>
        <source>validation-set size must be &gt;= 1</source>
        <translation>doğrulama kümesi boyutu &gt;= 1 olmalı</translation>
    </message>
    <message>
        <source>seed must be &gt;= 0</source>
        <translation>tohum &gt;= 0 olmalı</translation>
    </message>
    <message>
        <source>Out of memory on {device}: try a smaller batch size ({detail})</source>
        <translation>{device} üzerinde bellek yetmedi: daha küçük bir yığın boyutu dene ({detail})</translation>
    </message>
    <message>
        <source>Training stopped at epoch {epoch}, batch {batch}: the loss diverged ({loss}).</source>
        <translation>Eğitim {epoch}. epokta, {batch}. yığında durdu: kayıp ıraksadı ({loss}).</translation>
    </message>
    <message>
        <source>Training stopped at epoch {epoch}, batch {batch}: the loss became NaN.</source>
        <translation>Eğitim {epoch}. epokta, {batch}. yığında durdu: kayıp NaN oldu.</translation>
    </message>
    <message>
        <source>Training stopped at epoch {epoch}, batch {batch}: the loss became infinite.</source>
        <translation>Eğitim {epoch}. epokta, {batch}. yığında durdu: kayıp sonsuz oldu.</translation>
    </message>
    <message>
        <source>The weights from the end of epoch {epoch} were restored; try a smaller learning rate.</source>
        <translation>{epoch}. epok sonundaki ağırlıklar geri yüklendi; daha küçük bir öğrenme oranı dene.</translation>
    </message>
    <message>
        <source>As no epoch had finished, the starting weights were restored; try a smaller learning rate.</source>
        <translation>Hiçbir epok bitmediği için başlangıç ağırlıkları geri yüklendi; daha küçük bir öğrenme oranı dene.</translation>
    </message>
    <message>
        <source>Training stopped after {done} of 1 epoch.</source>
        <translation>Eğitim durduruldu: {done}/1 epok tamamlandı.</translation>
    </message>
    <message>
        <source>Training stopped after {done} of {epochs} epochs.</source>
        <translation>Eğitim durduruldu: {done}/{epochs} epok tamamlandı.</translation>
    </message>
    <message>
        <source>Training finished: 1 epoch.</source>
        <translation>Eğitim bitti: 1 epok.</translation>
    </message>
    <message>
        <source>Training finished: {epochs} epochs.</source>
        <translation>Eğitim bitti: {epochs} epok.</translation>
    </message>
</context>
</TS>
